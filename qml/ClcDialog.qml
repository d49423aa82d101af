// A modal dialog in the app's look: padded, a dimmed page behind it, 48 px buttons that speak the
// app's language (Debian ships no Vietnamese translation of Qt's own "OK", "Cancel", "Save", "Close").
import QtQuick
import QtQuick.Controls
import Clc

Dialog {
    id: dialog
    modal: true
    // Only its own buttons close a form: a tap beside it, Escape or a phone's Back key (which Qt
    // treats as Escape) would lose what was typed.
    closePolicy: Popup.NoAutoClose
    padding: 16
    topPadding: 8
    background: Rectangle { color: "white"; radius: 8; border.color: Theme.borderDark }
    Overlay.modal: Rectangle { color: Theme.scrim }
    header: Label {
        text: dialog.title
        visible: text.length > 0
        padding: 16
        bottomPadding: 4
        font.pixelSize: 18
        font.bold: true
        wrapMode: Text.Wrap
    }
    // After a refused write: the field the reason names gets the focus (the form stays open with
    // everything typed). fields maps a model's lastErrorField keys to the form's controls.
    function focusField(key, fields) {
        const field = fields[key]
        if (field)
            field.forceActiveFocus()
    }
    function translateButtons() {
        // Apply reads "OK": forms use it to stay open until their write succeeded.
        const texts = [[Dialog.Ok, qsTr("OK")], [Dialog.Apply, qsTr("OK")], [Dialog.Cancel, qsTr("Cancel")], [Dialog.Save, qsTr("Save")], [Dialog.Close, qsTr("Close")]]
        for (const [which, text] of texts) {
            const button = standardButton(which)
            if (button) {
                button.text = text
                button.implicitHeight = 48
                button.implicitWidth = 110
                // The action that does the form's work is the primary one: the app's blue.
                button.highlighted = which === Dialog.Ok || which === Dialog.Apply || which === Dialog.Save
            }
        }
    }
    onAboutToShow: translateButtons()
}
