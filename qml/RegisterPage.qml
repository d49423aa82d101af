// The register of learners: search without accents, add a person, import the ward's list (CSV) with a
// preview that shows every bad line before anything is written.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Page {
    id: page
    title: qsTr("Learners (%1)").arg(register.count)
    RegisterModel { id: register }
    Component.onCompleted: if (visible) register.reload()
    Connections {
        target: SyncStatus
        function onSynced() { if (page.visible) register.reload() }
    }
    onVisibleChanged: if (visible) register.reload()

    header: RowLayout {
        spacing: 8
        TextField {
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.rightMargin: 0
            Layout.minimumWidth: 120
            implicitHeight: 48
            placeholderText: qsTr("Search a name")
            onTextChanged: register.filter = text
        }
        Button { text: qsTr("Add"); implicitHeight: 48; onClicked: addDialog.open() }
        Button { text: qsTr("Import"); implicitHeight: 48; Layout.rightMargin: 10; onClicked: importDialog.open() }
    }

    ListView {
        anchors.fill: parent
        clip: true
        spacing: 6
        topMargin: 6; bottomMargin: 8; leftMargin: 10; rightMargin: 10
        model: register
        delegate: Rectangle {
            id: row
            required property string name
            required property string detail
            required property string groups
            width: ListView.view.width - 20
            implicitHeight: col.implicitHeight + 16
            radius: 6
            border.color: "#cfd8dc"
            ColumnLayout {
                id: col
                anchors.fill: parent
                anchors.margins: 8
                spacing: 2
                Label { Layout.fillWidth: true; text: row.name; font.pixelSize: 18; elide: Text.ElideRight }
                Label { Layout.fillWidth: true; text: row.detail; color: "#455a64"; visible: text.length > 0; elide: Text.ElideRight }
                Label { Layout.fillWidth: true; text: row.groups; color: "#37474f"; visible: text.length > 0; wrapMode: Text.Wrap; font.pixelSize: 14 }
            }
        }
    }

    Dialog {
        id: addDialog
        title: qsTr("Add a learner")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 20, 480)
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            TextField { id: fName; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Full name") }
            RowLayout {
                RadioButton { id: fMale; text: qsTr("Male") }
                RadioButton { id: fFemale; text: qsTr("Female") }
            }
            TextField { id: fYear; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Year of birth"); inputMethodHints: Qt.ImhDigitsOnly }
            TextField { id: fKhu; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Neighbourhood (khu)") }
            TextField { id: fPhone; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Phone"); inputMethodHints: Qt.ImhDialableCharactersOnly }
            TextField { id: fGroups; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Groups, separated by commas") }
            Label { Layout.fillWidth: true; text: register.lastError; color: "#b71c1c"; wrapMode: Text.Wrap; visible: text.length > 0 }
        }
        onAccepted: {
            if (!register.addPerson(fName.text, fMale.checked ? "m" : fFemale.checked ? "f" : "", fYear.text, fKhu.text, fPhone.text, fGroups.text))
                open() // keep what was typed; the error says which field
            else { fName.text = ""; fYear.text = ""; fKhu.text = ""; fPhone.text = ""; fGroups.text = "" }
        }
    }

    Dialog {
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
                Button { text: qsTr("Check"); implicitHeight: 48; enabled: path.text.length > 0; onClicked: register.previewImport(path.text) }
            }
            Label { Layout.fillWidth: true; text: register.importSummary; wrapMode: Text.Wrap; font.bold: true }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: register.importProblems
                delegate: Label { required property string modelData; width: ListView.view.width; text: modelData; wrapMode: Text.Wrap; color: "#8a1c12" }
            }
            Button {
                text: qsTr("Import")
                enabled: register.canImport
                implicitHeight: 48
                onClicked: register.commitImport()
            }
        }
    }
}
