// The page's main action: the app's blue with white text (contrast 5.9:1), the same in every style;
// other buttons keep the style's quieter look.
import QtQuick
import QtQuick.Controls
import Clc

Button {
    id: control
    implicitHeight: 48
    leftPadding: 18; rightPadding: 18
    font.bold: true
    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? "white" : "#eceff1"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 96
        radius: 4
        color: !control.enabled ? Theme.borderDark : control.down ? Qt.darker(Theme.focus, 1.25) : Theme.focus
        border.color: control.visualFocus ? Theme.ink : "transparent"
        border.width: control.visualFocus ? 2 : 0
    }
}
