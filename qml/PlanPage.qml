// The year's plan: targets with their progress (computed in C++), activities held, budget, the
// quarterly tasks.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Page {
    id: page
    title: qsTr("Plan %1").arg(plan.schoolYear)
    signal openReports()
    PlanModel { id: plan }
    Connections {
        target: SyncStatus
        function onSynced() { if (page.visible) plan.reload() }
    }
    onVisibleChanged: if (visible) { plan.reload(); list.positionViewAtBeginning() }
    Component.onCompleted: { if (visible) plan.reload(); list.positionViewAtBeginning() }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        spacing: 8
        topMargin: 12; bottomMargin: 12; leftMargin: 12; rightMargin: 12
        model: plan
        header: ColumnLayout {
            width: ListView.view.width - 24
            spacing: 4
            Button {
                text: qsTr("Reports: print, save…")
                implicitHeight: 48
                Layout.bottomMargin: 6
                onClicked: page.openReports()
            }
            Label { text: plan.activitiesText; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 17; font.bold: true }
            Label { text: plan.budgetText; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: qsTr("Targets"); font.pixelSize: 18; font.bold: true; Layout.topMargin: 10 }
        }
        delegate: Rectangle {
            id: target
            required property string text
            required property real progress
            required property string progressText
            required property bool measured
            required property bool met
            width: ListView.view.width - 24
            implicitHeight: column.implicitHeight + 20
            radius: 6
            border.color: "#cfd8dc"
            ColumnLayout {
                id: column
                anchors.fill: parent
                anchors.margins: 10
                spacing: 6
                Label { Layout.fillWidth: true; text: target.text; wrapMode: Text.Wrap }
                ProgressBar {
                    Layout.fillWidth: true
                    visible: target.measured
                    value: target.progress
                }
                Label {
                    Layout.fillWidth: true
                    text: target.progressText
                    wrapMode: Text.Wrap
                    color: !target.measured ? "#607d8b" : target.met ? "#1b5e20" : "#8d6e00"
                    font.bold: target.measured
                }
            }
        }
        footer: ColumnLayout {
            width: ListView.view.width - 24
            spacing: 4
            Label { text: qsTr("Quarterly tasks"); font.pixelSize: 18; font.bold: true; Layout.topMargin: 14 }
            Repeater {
                model: plan.tasks
                Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: "<b>" + modelData.quarter + "</b> — " + modelData.text
                    textFormat: Text.StyledText
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
