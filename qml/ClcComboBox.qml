// A drop-down in the app's look: 48 px high, and its items too (a finger, not a mouse pointer).
import QtQuick
import QtQuick.Controls

ComboBox {
    id: box
    implicitHeight: 48
    delegate: ItemDelegate {
        width: ListView.view ? ListView.view.width : box.width
        implicitHeight: 48
        text: box.textRole ? (Array.isArray(box.model) ? modelData[box.textRole] : model[box.textRole]) : modelData
        highlighted: box.highlightedIndex === index
    }
}
