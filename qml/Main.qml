// The schedule: one month of the plan's activities. Lays out and binds; ScheduleModel decides.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: StoreManager.centreName
    font.pixelSize: 16

    ScheduleModel { id: schedule }

    header: ToolBar {
        padding: 8
        ColumnLayout {
            anchors.fill: parent
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: StoreManager.centreName
                font.pixelSize: 14
                elide: Text.ElideRight
                color: "#37474f"
            }
            RowLayout {
                Layout.fillWidth: true
                ToolButton {
                    text: "‹"
                    font.pixelSize: 28
                    implicitWidth: 48; implicitHeight: 48
                    onClicked: schedule.previousMonth()
                    Accessible.name: qsTr("Previous month")
                }
                Label {
                    Layout.fillWidth: true
                    text: schedule.monthLabel
                    font.pixelSize: 22
                    font.bold: true
                    horizontalAlignment: Text.AlignHCenter
                }
                ToolButton {
                    text: "›"
                    font.pixelSize: 28
                    implicitWidth: 48; implicitHeight: 48
                    onClicked: schedule.nextMonth()
                    Accessible.name: qsTr("Next month")
                }
                Button {
                    text: qsTr("Today")
                    implicitHeight: 48
                    onClicked: schedule.goToToday()
                }
            }
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: 12
        spacing: 10
        clip: true
        model: schedule
        delegate: Frame {
            id: card
            required property string title
            required property string groups
            required property string partners
            required property string kind
            required property int sessionCount
            required property int participants
            required property bool done
            width: ListView.view.width
            padding: 14
            ColumnLayout {
                width: parent.width
                spacing: 4
                Label {
                    Layout.fillWidth: true
                    text: card.title
                    wrapMode: Text.Wrap
                    font.pixelSize: 18
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    visible: card.groups.length > 0
                    text: qsTr("For: %1").arg(card.groups)
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    visible: card.partners.length > 0
                    text: qsTr("With: %1").arg(card.partners)
                    wrapMode: Text.Wrap
                    color: "#455a64"
                }
                Label {
                    Layout.fillWidth: true
                    text: card.kind + " · " + qsTr("%n session(s)", "", card.sessionCount) + " · "
                          + (card.done ? qsTr("%n participant(s)", "", card.participants) : qsTr("not held yet"))
                    wrapMode: Text.Wrap
                    color: "#546e7a"
                    font.pixelSize: 14
                }
            }
        }
        Label {
            anchors.centerIn: parent
            width: parent.width - 32
            visible: schedule.count === 0
            text: qsTr("No activities are planned this month.")
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: 18
            color: "#546e7a"
        }
    }
}
