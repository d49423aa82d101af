// Reports the ward office signs: choose one, see its pages as they will print, save it as PDF, XLSX
// or CSV, open the saved file. Built and drawn in C++ (ReportController) with core's numbers.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
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
    onVisibleChanged: if (visible) reports.loadOptions() // a sync or an import may have brought new months

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
                    objectName: "reportPath"
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
                    text: qsTr("Choose where…")
                    implicitHeight: 48
                    leftPadding: 16; rightPadding: 16
                    onClicked: saveAs.open()
                }
                Button {
                    objectName: "saveReport"
                    text: qsTr("Save")
                    implicitHeight: 48
                    leftPadding: 16; rightPadding: 16
                    enabled: !reports.busy
                    // A file already there is replaced only when the person says so.
                    onClicked: reports.fileExists(path.text) ? replaceDialog.open() : reports.save(format.currentText, path.text)
                }
                Button {
                    objectName: "printReport"
                    text: qsTr("Print…")
                    implicitHeight: 48
                    leftPadding: 16; rightPadding: 16
                    enabled: !reports.busy && reports.pageCount > 0
                    onClicked: reports.print()
                }
                Button {
                    // Where the platform allows it, the system's viewer prints or shares the file.
                    text: qsTr("Open the saved file")
                    implicitHeight: 48
                    leftPadding: 16; rightPadding: 16
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
            // In the header's scope, with the format and path they use.
            FileDialog {
                id: saveAs
                title: qsTr("Where to save the report")
                fileMode: FileDialog.SaveFile
                nameFilters: [format.currentText + " (*." + format.currentText.toLowerCase() + ")"]
                onAccepted: path.text = reports.localPath(selectedFile.toString())
            }

            ClcDialog {
                id: replaceDialog
                objectName: "replaceDialog"
                title: qsTr("Replace the file?")
                parent: Overlay.overlay
                anchors.centerIn: parent
                width: Math.min(page.width - 20, 460)
                standardButtons: Dialog.Save | Dialog.Cancel
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 is already there. Saving replaces it with this report.").arg(path.text)
                        wrapMode: Text.Wrap
                    }
                }
                onAccepted: reports.save(format.currentText, path.text)
            }
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
