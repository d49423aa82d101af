// Reports the ward office signs: choose one, see its pages as they will print, save it as PDF, XLSX
// or CSV, open the saved file. Built and drawn in C++ (ReportController) with core's numbers.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Page {
    id: page
    title: qsTr("Reports")
    property alias kind: reports.kind
    property alias activityId: reports.activityId

    ReportController {
        id: reports
        onSelectionChanged: refresh.restart()
        onOptionsChanged: refresh.restart()
    }
    // Choices come in bursts (a kind, then a month): draw once they settle.
    Timer { id: refresh; interval: 250; onTriggered: reports.preview() }
    Component.onCompleted: reports.loadOptions()

    readonly property var formats: ["PDF", "XLSX", "CSV"]

    ListView {
        id: pages
        anchors.fill: parent
        clip: true
        spacing: 12
        topMargin: 12; bottomMargin: 12; leftMargin: 12; rightMargin: 12
        model: reports.pageCount
        header: ColumnLayout {
            width: ListView.view.width - 24
            spacing: 8
            Label { text: qsTr("Report"); font.bold: true }
            ClcComboBox {
                id: kindBox
                Layout.fillWidth: true
                implicitHeight: 48
                model: reports.kindTitles
                currentIndex: reports.kind
                // A new model (the language changed) resets the index: show the kind still chosen.
                onModelChanged: Qt.callLater(function() { kindBox.currentIndex = reports.kind })
                onActivated: function(i) { reports.kind = i }
            }
            ClcComboBox {
                Layout.fillWidth: true
                implicitHeight: 48
                visible: reports.kind === ReportController.Monthly
                model: reports.months
                textRole: "label"
                valueRole: "value"
                onActivated: reports.month = currentValue
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(reports.month))
            }
            ClcComboBox {
                Layout.fillWidth: true
                implicitHeight: 48
                visible: reports.kind === ReportController.Attendance
                model: reports.activities
                textRole: "label"
                valueRole: "value"
                onActivated: reports.activityId = currentValue
                onModelChanged: currentIndex = Math.max(0, indexOfValue(reports.activityId))
            }
            Label { text: qsTr("Save as"); font.bold: true; Layout.topMargin: 6 }
            RowLayout {
                Layout.fillWidth: true
                ClcComboBox {
                    id: format
                    implicitHeight: 48
                    implicitWidth: 110
                    model: page.formats
                    onActivated: path.text = reports.suggestedPath(currentText)
                }
                TextField {
                    id: path
                    Layout.fillWidth: true
                    implicitHeight: 48
                    placeholderText: qsTr("File to save")
                    Component.onCompleted: text = reports.suggestedPath(format.currentText)
                    Connections {
                        target: reports
                        function onSelectionChanged() { path.text = reports.suggestedPath(format.currentText) }
                        function onOptionsChanged() { path.text = reports.suggestedPath(format.currentText) }
                    }
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Button {
                    text: qsTr("Save")
                    implicitHeight: 48
                    enabled: !reports.busy
                    onClicked: reports.save(format.currentText, path.text)
                }
                Button {
                    // Where the platform allows it, the system's viewer prints or shares the file.
                    text: qsTr("Open the saved file")
                    implicitHeight: 48
                    enabled: reports.savedPath.length > 0
                    onClicked: if (!reports.openSaved()) openFailed.visible = true
                }
            }
            Label {
                Layout.fillWidth: true
                text: reports.message
                wrapMode: Text.Wrap
                color: reports.failed ? Theme.error : Theme.good
                visible: text.length > 0
            }
            Label {
                id: openFailed
                Layout.fillWidth: true
                visible: false
                text: qsTr("No program on this device opens this kind of file; copy it from %1.").arg(reports.savedPath)
                wrapMode: Text.Wrap
                color: Theme.warn
            }
            BusyIndicator { running: reports.busy; visible: running; Layout.alignment: Qt.AlignHCenter }
            Label { text: qsTr("Preview"); font.bold: true; Layout.topMargin: 6; visible: reports.pageCount > 0 }
        }
        delegate: Item {
            id: slot
            required property int index
            width: ListView.view.width - 24
            height: sheet.height
            Rectangle {
                // A page no wider than paper held at reading distance on a tablet.
                id: sheet
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(slot.width, 820)
                height: width * view.aspect
                color: "white"
                border.color: Theme.borderDark
                ReportPageView {
                    id: view
                    anchors.fill: parent
                    anchors.margins: 1
                    controller: reports
                    page: slot.index
                }
            }
        }
    }
}
