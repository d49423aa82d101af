// The page's main action: the app's blue with white text (contrast 5.9:1) and its icon, the same in
// every style; other buttons keep the style's quieter look.
import QtQuick
import QtQuick.Controls
import Clc

Button {
    id: control
    implicitHeight: 48
    leftPadding: 18; rightPadding: 18
    font.bold: true
    /// A Material Icons ligature name ("sync", "save") shown before the label.
    property string glyph
    contentItem: Row {
        spacing: 8
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: control.glyph
            font.family: "Material Icons"
            font.pixelSize: 22
            color: label.color
            visible: control.glyph.length > 0 && fontInfo.family === "Material Icons" // never the word itself
            Accessible.ignored: true
        }
        Text {
            id: label
            anchors.verticalCenter: parent.verticalCenter
            text: control.text
            font: control.font
            color: control.enabled ? "white" : "#eceff1"
            elide: Text.ElideRight
        }
    }
    background: Rectangle {
        implicitWidth: 96
        radius: 4
        color: !control.enabled ? Theme.borderDark : control.down ? Qt.darker(Theme.focus, 1.25) : Theme.focus
        border.color: control.visualFocus ? Theme.ink : "transparent"
        border.width: control.visualFocus ? 2 : 0
    }
}
