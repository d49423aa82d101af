// One activity: what, for whom, with whom, and its sessions — each showing whether attendance was taken.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Item {
    id: pane
    property string activityId: ""
    signal openSession(string sessionId)

    SessionListModel { id: sessions; activityId: pane.activityId }
    // Back from taking attendance, or after a sync: the counts may have changed.
    onVisibleChanged: if (visible && activityId !== "") sessions.reload()
    Connections {
        target: SyncStatus
        function onSynced() { if (pane.activityId !== "") sessions.reload() }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 40
        visible: pane.activityId === ""
        text: qsTr("Choose an activity to see its sessions.")
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: "#455a64"
    }

    ListView {
        anchors.fill: parent
        visible: pane.activityId !== ""
        clip: true
        spacing: 8
        topMargin: 10; bottomMargin: 10; leftMargin: 12; rightMargin: 12
        model: sessions
        header: ColumnLayout {
            width: ListView.view.width - 24
            spacing: 6
            Label {
                Layout.fillWidth: true
                text: sessions.title
                font.pixelSize: 20
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: sessions.summary
                wrapMode: Text.Wrap
                color: "#263238"
            }
            Button {
                text: qsTr("Print the attendance sheet")
                implicitHeight: 48
                visible: sessions.count > 0
                onClicked: ApplicationWindow.window.openReports(ReportController.Attendance, pane.activityId)
            }
            Label {
                Layout.topMargin: 6
                Layout.bottomMargin: 4
                text: sessions.count === 0 ? qsTr("No sessions yet.") : qsTr("Sessions")
                font.pixelSize: 18
                font.bold: true
            }
        }
        delegate: ItemDelegate {
            id: row
            required property string sessionId
            required property string date
            required property string time
            required property string place
            required property string facilitator
            required property bool taken
            required property int present
            width: ListView.view.width - 24
            padding: 12
            onClicked: pane.openSession(sessionId)
            background: Rectangle { color: "white"; border.color: "#cfd8dc"; radius: 6 }
            contentItem: RowLayout {
                spacing: 12
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label { text: row.date + "  " + row.time; font.bold: true; font.pixelSize: 17 }
                    Label { Layout.fillWidth: true; text: row.place; wrapMode: Text.Wrap; visible: row.place.length > 0 }
                    Label { Layout.fillWidth: true; text: row.facilitator; wrapMode: Text.Wrap; visible: row.facilitator.length > 0; color: "#455a64" }
                }
                // Not taken looks different from taken: never a zero that reads like a count.
                Label {
                    text: row.taken ? qsTr("%n present", "", row.present) : qsTr("Attendance not taken")
                    color: row.taken ? "#1b5e20" : "#8d6e00"
                    font.bold: true
                    padding: 6
                    background: Rectangle { color: row.taken ? "#e8f5e9" : "#fff8e1"; radius: 4 }
                }
            }
        }
    }
}
