// The register of learners: search without accents, add or edit a person (roles that may change the
// register), import the ward's list (CSV) with a preview that shows every bad line before anything is
// written. Rows not yet sent, or refused by the server, say so.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Clc

Page {
    id: page
    title: qsTr("Learners (%1)").arg(register.count.toLocaleString(Qt.locale(), 'f', 0))
    RegisterModel { id: register }
    Component.onCompleted: if (visible) register.reload()
    Connections {
        target: SyncStatus
        function onSynced() { if (page.visible) register.reload() }
    }
    onVisibleChanged: if (visible) register.reload()
    // Names the role so the binding is re-evaluated when enrolment changes it.
    readonly property bool mayEdit: StoreManager.role, StoreManager.mayEdit("people")

    function openPerson(row) {
        const p = row >= 0 ? register.person(row) : { id: "", fullName: "", sex: "", birthYear: "", khu: "", phone: "", groups: "", note: "" }
        personDialog.personId = p.id
        fName.text = p.fullName; fMale.checked = p.sex === "m"; fFemale.checked = p.sex === "f"
        fYear.text = p.birthYear; fKhu.text = p.khu; fPhone.text = p.phone; fGroups.text = p.groups; fNote.text = p.note
        register.clearError()
        personDialog.khuChoices = register.khuChoices()
        personDialog.groupChoices = register.groupChoices()
        personDialog.open()
        fName.forceActiveFocus()
    }

    header: RowLayout {
        spacing: 8
        TextField {
            id: registerSearch
            objectName: "registerSearch"
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.rightMargin: 0
            Layout.minimumWidth: 120
            implicitHeight: 48
            rightPadding: clearRegisterSearch.visible ? clearRegisterSearch.width + 4 : padding
            placeholderText: qsTr("Search a name")
            onTextChanged: register.filter = text
            ToolButton {
                id: clearRegisterSearch
                objectName: "clearRegisterSearch"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                width: 48; height: 48
                visible: registerSearch.text.length > 0
                text: "×"
                font.pixelSize: 24
                Accessible.name: qsTr("Clear the search")
                onClicked: registerSearch.text = ""
            }
        }
        PrimaryButton { objectName: "addPersonButton"; text: qsTr("Add"); glyph: "person_add"; implicitHeight: 48; visible: page.mayEdit; onClicked: page.openPerson(-1) }
        Button { text: qsTr("Import"); implicitHeight: 48; visible: page.mayEdit; onClicked: importDialog.open() }
        Item { implicitWidth: 2 }
    }

    ListView {
        anchors.fill: parent
        clip: true
        spacing: 6
        topMargin: 6; bottomMargin: 8; leftMargin: 10; rightMargin: 10
        model: register
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string name
            required property string detail
            required property string groups
            required property string syncText
            required property bool refused
            width: ListView.view.width - 20
            height: Math.max(56, implicitHeight) // a tap target even for a name with no details
            implicitHeight: col.implicitHeight + 16
            padding: 8
            enabled: page.mayEdit
            onClicked: page.openPerson(index)
            background: Rectangle { radius: 6; color: row.down ? Theme.surfaceDim : "white"; border.color: Theme.border }
            contentItem: ColumnLayout {
                id: col
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Label { Layout.fillWidth: true; text: row.name; font.pixelSize: 18; elide: Text.ElideRight; color: Theme.ink }
                    Label { text: row.syncText; visible: text.length > 0; font.pixelSize: 13; color: row.refused ? Theme.error : Theme.muted
                            Layout.maximumWidth: row.width * 0.5; elide: Text.ElideRight }
                }
                Label { Layout.fillWidth: true; text: row.detail; color: Theme.muted; visible: text.length > 0; elide: Text.ElideRight }
                Label { Layout.fillWidth: true; text: row.groups; color: Theme.inkSoft; visible: text.length > 0; wrapMode: Text.Wrap; font.pixelSize: 14 }
            }
        }
    }

    ClcDialog {
        id: personDialog
        property string personId: ""
        property var khuChoices: []
        property var groupChoices: []
        title: personId === "" ? qsTr("Add a learner") : qsTr("Edit a learner")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 20, 480)
        objectName: "personDialog"
        // Apply, not Ok: the form closes only once the learner is saved, so nothing typed is lost.
        standardButtons: Dialog.Apply | Dialog.Cancel
        height: Math.min(page.height - 20, implicitHeight)
        ScrollView {
            // Labels stay above their fields; the neighbourhoods and groups already in use are offered.
            anchors.fill: parent
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                FormLabel { label: qsTr("Full name"); key: "full_name"; errorKey: register.lastErrorField }
                TextField { id: fName; objectName: "personName"; Layout.fillWidth: true; implicitHeight: 48 }
                RowLayout {
                    RadioButton { id: fMale; text: qsTr("Male"); implicitHeight: 48 }
                    RadioButton { id: fFemale; text: qsTr("Female"); implicitHeight: 48 }
                }
                FormLabel { label: qsTr("Year of birth"); key: "birth_year"; errorKey: register.lastErrorField }
                TextField { id: fYear; objectName: "personYear"; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDigitsOnly }
                FormLabel { label: qsTr("Neighbourhood (khu)"); key: "khu"; errorKey: register.lastErrorField }
                TextField { id: fKhu; objectName: "personKhu"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("choose below, or type a new one") }
                ChoiceChips { Layout.fillWidth: true; field: fKhu; choices: personDialog.khuChoices }
                FormLabel { label: qsTr("Phone"); key: "phone"; errorKey: register.lastErrorField }
                TextField { id: fPhone; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDialableCharactersOnly }
                FormLabel { label: qsTr("Groups"); key: "groups"; errorKey: register.lastErrorField }
                TextField { id: fGroups; objectName: "personGroups"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("choose below, or type new ones separated by commas") }
                ChoiceChips { Layout.fillWidth: true; field: fGroups; many: true; choices: personDialog.groupChoices; shown: 20 }
                FormLabel { label: qsTr("Note"); key: "note"; errorKey: register.lastErrorField }
                TextField { id: fNote; Layout.fillWidth: true; implicitHeight: 48 }
                Label { objectName: "personError"; Layout.fillWidth: true; text: register.lastError; color: Theme.error; wrapMode: Text.Wrap; visible: text.length > 0 }
            }
        }
        onApplied: {
            const sex = fMale.checked ? "m" : fFemale.checked ? "f" : ""
            const ok = personId === ""
                ? register.addPerson(fName.text, sex, fYear.text, fKhu.text, fPhone.text, fGroups.text, fNote.text)
                : register.updatePerson(personId, fName.text, sex, fYear.text, fKhu.text, fPhone.text, fGroups.text, fNote.text)
            if (ok)
                close() // else it stays open with what was typed; the error names the field, focused
            else
                personDialog.focusField(register.lastErrorField, { full_name: fName, sex: fMale, birth_year: fYear, khu: fKhu,
                                                                   phone: fPhone, groups: fGroups, group: fGroups, note: fNote })
        }
    }

    ClcDialog {
        id: importDialog
        title: qsTr("Import a list (CSV)")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 20, 640)
        height: Math.min(page.height - 20, 560)
        standardButtons: Dialog.Close
        ColumnLayout {
            anchors.fill: parent
            RowLayout {
                Layout.fillWidth: true
                TextField { id: path; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Path of the .csv file") }
                Button { text: qsTr("Choose…"); implicitHeight: 48; onClicked: csvPicker.open() }
                Button { text: qsTr("Check"); implicitHeight: 48; enabled: path.text.length > 0; onClicked: register.previewImport(path.text) }
            }
            Label { Layout.fillWidth: true; text: register.importSummary; wrapMode: Text.Wrap; font.bold: true }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: register.importProblems
                delegate: Label { required property string modelData; width: ListView.view.width; text: modelData; wrapMode: Text.Wrap; color: Theme.errorDark }
            }
            Button {
                text: qsTr("Import")
                enabled: register.canImport && page.mayEdit
                implicitHeight: 48
                onClicked: register.commitImport()
            }
        }
    }

    FileDialog {
        id: csvPicker
        title: qsTr("Choose the list to import")
        nameFilters: [qsTr("Spreadsheet lists (*.csv)"), qsTr("All files (*)")]
        onAccepted: { path.text = selectedFile.toString(); register.previewImport(path.text) }
    }
}
