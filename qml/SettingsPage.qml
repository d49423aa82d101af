// Settings: language (switches at once), this device's name and role.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Page {
    title: qsTr("Settings")
    SettingsController { id: settings }
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        Label { text: qsTr("Language"); font.bold: true; font.pixelSize: 18 }
        RadioButton {
            implicitHeight: 48
            text: "Tiếng Việt"
            checked: settings.language === "vi"
            onClicked: settings.language = "vi"
        }
        RadioButton {
            implicitHeight: 48
            text: "English"
            checked: settings.language === "en"
            onClicked: settings.language = "en"
        }
        Label { text: qsTr("This device"); font.bold: true; font.pixelSize: 18; Layout.topMargin: 12 }
        Label { text: qsTr("Name: %1").arg(settings.deviceName); Layout.fillWidth: true; wrapMode: Text.Wrap }
        Label { text: qsTr("Role: %1").arg(settings.role); Layout.fillWidth: true; wrapMode: Text.Wrap }
        Label { text: qsTr("What happened on this device"); font.bold: true; font.pixelSize: 18; Layout.topMargin: 12 }
        Label {
            text: qsTr("If something goes wrong, read the last lines to the ward office.")
            Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.mutedLight
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            TextArea {
                id: logText
                readOnly: true
                wrapMode: TextEdit.Wrap
                font.family: "monospace"
                font.pixelSize: 12
                // Read again when the language changes: "nothing has gone wrong" is said in it.
                text: settings.log
            }
        }
        Button {
            text: qsTr("Show the latest")
            implicitHeight: 48
            onClicked: settings.refreshLog()
        }
    }
}
