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
    // Not Dialog.Close: closing asks first when something typed was not saved.
    standardButtons: Dialog.NoButton
    signal changed()
    onOpened: { texts.clearError(); pending = ({}); texts.reload() }
    onClosed: changed()
    PlanTextModel { id: texts }
    // What was typed and not yet saved, by part: a row scrolled out of view, or moved by an added
    // task, is made again from it.
    property var pending: ({})
    readonly property int unsaved: Object.keys(pending).length
    function keep(key, text, saved) {
        const p = pending
        if (text === saved) delete p[key]; else p[key] = text
        pending = p
    }
    footer: DialogButtonBox {
        Button {
            objectName: "planTextClose"
            text: editor.unsaved > 0 ? qsTr("Close without saving") : qsTr("Close")
            implicitHeight: 48
            onClicked: editor.unsaved > 0 ? discardDialog.open() : editor.close()
        }
    }
    ClcDialog {
        id: discardDialog
        objectName: "discardDialog"
        parent: Overlay.overlay // not inside this dialog's content (its size would depend on it)
        anchors.centerIn: parent
        width: Math.min(editor.width - 20, 420)
        title: qsTr("Close without saving?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("%n part(s) were changed and not saved. They will be lost.", "", editor.unsaved)
            }
        }
        onAccepted: { editor.pending = ({}); editor.close() }
    }
    ClcDialog {
        id: removeDialog
        property string key: ""
        property string what: ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(editor.width - 20, 420)
        title: qsTr("Remove this from the plan?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            Label { Layout.fillWidth: true; wrapMode: Text.Wrap; text: removeDialog.what; maximumLineCount: 6; elide: Text.ElideRight }
        }
        // By the part's key: a re-read while the question was open may have moved its row.
        onAccepted: if (texts.removeKey(key)) editor.keep(key, "", "")
    }

    ColumnLayout {
    anchors.fill: parent
    // Another plan's text: next year's draft, last year's plan.
    ClcComboBox {
        Layout.fillWidth: true
        implicitHeight: 48
        visible: texts.years.length > 1
        model: texts.years
        displayText: qsTr("School year %1").arg(texts.schoolYear)
        currentIndex: texts.years.indexOf(texts.schoolYear)
        onActivated: function(i) { texts.schoolYear = texts.years[i] }
    }
    ListView {
        id: list
        objectName: "planTextList"
        Layout.fillWidth: true
        Layout.fillHeight: true
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
            required property string key
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
                text: editor.pending[part.key] !== undefined ? editor.pending[part.key] : part.text
                onTextChanged: editor.keep(part.key, text, part.text)
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
                    onClicked: { removeDialog.key = part.key; removeDialog.what = area.text; removeDialog.open() }
                }
                Button {
                    visible: part.edited
                    text: qsTr("Undo")
                    implicitHeight: 48
                    onClicked: { editor.keep(part.key, part.text, part.text); area.text = part.text }
                }
                PrimaryButton {
                    objectName: "planTextSave"
                    visible: part.edited
                    text: qsTr("Save")
                    glyph: "check"
                    onClicked: if (texts.save(part.index, area.text)) editor.keep(part.key, area.text, area.text)
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
}
