// The plan's text parts for a coordinator to edit (PlanTextModel): each part is saved on its own, as
// typed, and a refusal marks the part and says why. Tasks and targets can be added and removed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

ClcDialog {
    id: editor
    objectName: "planTextPage"
    title: qsTr("The plan's text, %1").arg(texts.schoolYear)
    width: parent ? parent.width : 400
    height: parent ? parent.height : 600
    x: 0; y: 0
    padding: 8
    standardButtons: Dialog.Close
    signal changed()
    onOpened: { texts.clearError(); texts.reload() }
    onClosed: changed()
    PlanTextModel { id: texts }

    ListView {
        id: list
        objectName: "planTextList"
        anchors.fill: parent
        clip: true
        spacing: 6
        model: texts
        cacheBuffer: 2000
        section.property: "section"
        section.delegate: Label {
            required property string section
            width: ListView.view.width
            text: section
            font.pixelSize: 18
            font.bold: true
            topPadding: 12
            wrapMode: Text.Wrap
        }
        delegate: ColumnLayout {
            id: part
            required property int index
            required property string label
            required property string text
            required property bool multiline
            required property bool removable
            required property string field
            width: ListView.view.width
            spacing: 2
            readonly property bool bad: texts.errorRow === index && texts.lastError.length > 0
            readonly property bool edited: area.text !== part.text
            FormLabel { Layout.fillWidth: true; label: part.label; key: part.bad ? "x" : ""; errorKey: "x" }
            TextArea {
                id: area
                objectName: "planText_" + part.field + "_" + part.index
                Layout.fillWidth: true
                Layout.minimumHeight: 48
                text: part.text
                wrapMode: TextEdit.Wrap
                inputMethodHints: part.field === "threshold_pct" ? Qt.ImhDigitsOnly : Qt.ImhNone
                background: Rectangle { border.color: part.bad ? Theme.error : Theme.border; radius: 4 }
            }
            Label {
                Layout.fillWidth: true
                visible: part.bad
                text: texts.lastError
                color: Theme.error
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                visible: part.edited || part.removable
                Button {
                    visible: part.removable
                    text: qsTr("Remove")
                    implicitHeight: 48
                    onClicked: texts.remove(part.index)
                }
                Button {
                    visible: part.edited
                    text: qsTr("Undo")
                    implicitHeight: 48
                    onClicked: area.text = part.text
                }
                PrimaryButton {
                    objectName: "planTextSave"
                    visible: part.edited
                    text: qsTr("Save")
                    glyph: "check"
                    onClicked: texts.save(part.index, area.text)
                }
            }
        }
        footer: ColumnLayout {
            width: ListView.view.width
            spacing: 4
            Label { text: qsTr("Add a quarterly task"); font.pixelSize: 18; font.bold: true; topPadding: 16 }
            ClcComboBox {
                id: quarter
                Layout.fillWidth: true
                implicitHeight: 48
                model: texts.quarters
                textRole: "label"
                valueRole: "value"
            }
            TextField { id: newTask; objectName: "newTaskField"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("What will be done") }
            PrimaryButton {
                text: qsTr("Add the task")
                glyph: "add"
                onClicked: if (texts.addTask(quarter.currentValue, newTask.text)) newTask.text = ""
            }
            Label { text: qsTr("Add a target"); font.pixelSize: 18; font.bold: true; topPadding: 16 }
            TextField { id: newTarget; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("The target, as the plan states it") }
            TextField { id: newThreshold; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Required (%), 100 if done or not done"); inputMethodHints: Qt.ImhDigitsOnly }
            PrimaryButton {
                text: qsTr("Add the target")
                glyph: "add"
                onClicked: if (texts.addTarget(newTarget.text, newThreshold.text)) { newTarget.text = ""; newThreshold.text = "" }
            }
            Label {
                Layout.fillWidth: true
                visible: texts.errorRow === -1 && texts.lastError.length > 0
                text: texts.lastError
                color: Theme.error
                wrapMode: Text.Wrap
            }
        }
    }
}
