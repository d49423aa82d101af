// A field's label, above it and always visible. When the last refused write was about this field
// (its key equals the model's lastErrorField) it turns red with a mark, so the eye finds the field.
import QtQuick
import QtQuick.Controls
import Clc

Label {
    property string label
    property string key
    property string errorKey
    readonly property bool bad: key.length > 0 && key === errorKey
    text: (bad ? "⚠ " : "") + label
    font.bold: true
    color: bad ? Theme.error : Theme.ink
    wrapMode: Text.Wrap
}
