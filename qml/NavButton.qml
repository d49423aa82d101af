// A tab of the main navigation: an icon (Material Icons, Debian's fonts-material-design-icons-iconfont,
// drawn by its ligature name) above a short label, 60 px high; the chosen tab in the app's blue.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

TabButton {
    id: tab
    property string glyph
    property bool wide: false
    implicitHeight: 60
    leftPadding: 2; rightPadding: 2; topPadding: 4; bottomPadding: 4
    contentItem: ColumnLayout {
        spacing: 0
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: tab.glyph
            font.family: "Material Icons"
            font.pixelSize: 26
            color: tab.checked ? Theme.focus : Theme.muted
            Accessible.ignored: true
            // Without the icon font its ligature names would show as words: then no icon at all.
            visible: fontInfo.family === "Material Icons"
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: tab.text
            elide: Text.ElideRight
            font.pixelSize: tab.wide ? 15 : 12
            font.weight: Font.Medium
            color: tab.checked ? Theme.focus : Theme.inkSoft
        }
    }
    background: Rectangle {
        color: tab.checked ? Theme.highlightFill : "white"
        Rectangle { anchors.top: parent.top; width: parent.width; height: 3; color: Theme.focus; visible: tab.checked }
    }
}
