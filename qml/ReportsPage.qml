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

    readonly property var formats: ["PDF", "ODT", "XLSX", "CSV"]

    ListView {
        id: pages
        anchors.fill: parent
        clip: true
        spacing: 12
        topMargin: 12; bottomMargin: 12; leftMargin: 12; rightMargin: 12
        model: reports.pageCount
        header: ColumnLayout {
            id: controls
            width: ListView.view.width - 24
            spacing: 8
            // The pickers always show what the controller will preview and save: a choice made
            // elsewhere (the plan page, an activity), a new model (a language switch, new months) or
            // a picker's own reset puts them back on the controller's selection.
            function showSelection() {
                kindBox.currentIndex = reports.kind
                yearBox.currentIndex = reports.years.indexOf(reports.schoolYear)
                monthBox.currentIndex = Math.max(0, monthBox.indexOfValue(reports.month))
                activityBox.currentIndex = Math.max(0, activityBox.indexOfValue(reports.activityId))
            }
            Connections {
                target: reports
                function onSelectionChanged() { Qt.callLater(controls.showSelection) }
                function onOptionsChanged() { Qt.callLater(controls.showSelection) }
                function onKindTitlesChanged() { Qt.callLater(controls.showSelection) }
            }
            Component.onCompleted: Qt.callLater(controls.showSelection)
            Label { text: qsTr("Report"); font.bold: true }
            ClcComboBox {
                id: kindBox
                objectName: "reportKind"
                Layout.fillWidth: true
                implicitHeight: 48
                model: reports.kindTitles
                onModelChanged: Qt.callLater(controls.showSelection)
                onActivated: function(i) { reports.kind = i }
            }
            // Another plan's year: last year's, or next year's draft.
            ClcComboBox {
                id: yearBox
                objectName: "reportYear"
                Layout.fillWidth: true
                implicitHeight: 48
                visible: reports.years.length > 1
                model: reports.years
                displayText: qsTr("School year %1").arg(reports.schoolYear)
                onActivated: function(i) { reports.schoolYear = reports.years[i] }
            }
            ClcComboBox {
                id: monthBox
                objectName: "reportMonth"
                Layout.fillWidth: true
                implicitHeight: 48
                visible: reports.kind === ReportController.Monthly
                model: reports.months
                textRole: "label"
                valueRole: "value"
                onActivated: reports.month = currentValue
                onModelChanged: Qt.callLater(controls.showSelection)
            }
            ClcComboBox {
                id: activityBox
                objectName: "reportActivity"
                Layout.fillWidth: true
                implicitHeight: 48
                visible: reports.kind === ReportController.Attendance
                model: reports.activities
                textRole: "label"
                valueRole: "value"
                onActivated: reports.activityId = currentValue
                onModelChanged: Qt.callLater(controls.showSelection)
            }
            Label { text: qsTr("Save as"); font.bold: true; Layout.topMargin: 6 }
            RowLayout {
                Layout.fillWidth: true
                ClcComboBox {
                    id: format
                    implicitHeight: 48
                    implicitWidth: 110
                    model: page.formats
                    onActivated: path.retarget()
                }
                TextField {
                    id: path
                    objectName: "reportPath"
                    Layout.fillWidth: true
                    implicitHeight: 48
                    placeholderText: qsTr("File to save")
                    // The file's name follows the report chosen; the folder stays where the person put it.
                    function retarget() {
                        const suggested = reports.suggestedPath(format.currentText)
                        const slash = text.lastIndexOf("/")
                        text = slash >= 0 ? text.substring(0, slash + 1) + suggested.substring(suggested.lastIndexOf("/") + 1) : suggested
                    }
                    Component.onCompleted: text = reports.suggestedPath(format.currentText)
                    Connections {
                        target: reports
                        function onSelectionChanged() { path.retarget() }
                        function onOptionsChanged() { path.retarget() }
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
                PrimaryButton {
                    objectName: "saveReport"
                    glyph: "save"
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
                    onClicked: if (!reports.openSaved()) openFailed.failedFor = reports.savedPath
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
                // Said for the file it failed on; a newer saved file has not been tried.
                property string failedFor: ""
                Layout.fillWidth: true
                visible: failedFor.length > 0 && failedFor === reports.savedPath
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
