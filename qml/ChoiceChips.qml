// Values the centre already uses, offered under a text field: a tap fills the field (or, for a list
// such as groups, adds or removes the value); a value not offered is simply typed ("new…").
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Flow {
    id: chips
    property var choices: []
    property TextField field
    property bool many: false     // a comma-separated list (groups) rather than one value (khu)
    property int shown: 12
    property bool expanded: false // past `shown`, the rest come on a tap ("more…"), never cut off
    onChoicesChanged: expanded = false // a form opened afresh starts folded
    spacing: 6
    visible: choices.length > 0
    // A list is ", "-separated, and names may hold commas themselves ("Cán bộ phường, khu"): whole
    // names are looked for between separators, never split.
    function padded() { return ", " + field.text.split(/\s*,\s*/).join(", ").trim() + ", " }
    function has(name) { return padded().indexOf(", " + name + ", ") >= 0 }
    Repeater {
        model: chips.expanded ? chips.choices : chips.choices.slice(0, chips.shown)
        Button {
            required property string modelData
            readonly property bool chosen: chips.many ? chips.has(modelData) : chips.field.text.trim() === modelData
            text: (chosen ? "✓ " : "") + modelData
            implicitHeight: 48
            // A long phrase (an activity's target group) is cut to the form's width, never past it.
            width: Math.min(implicitWidth, chips.width)
            leftPadding: 12; rightPadding: 12
            highlighted: chosen
            onClicked: {
                if (!chips.many) {
                    chips.field.text = modelData
                    return
                }
                if (chips.has(modelData)) {
                    const rest = chips.padded().replace(", " + modelData + ", ", ", ")
                    chips.field.text = rest.substring(2, rest.length - 2).trim()
                } else {
                    const now = chips.field.text.trim()
                    chips.field.text = now.length > 0 ? now + ", " + modelData : modelData
                }
            }
        }
    }
    Button {
        objectName: "moreChoices"
        visible: !chips.expanded && chips.choices.length > chips.shown
        text: qsTr("More… (%1)").arg(chips.choices.length - chips.shown)
        implicitHeight: 48
        leftPadding: 12; rightPadding: 12
        flat: true
        onClicked: chips.expanded = true
    }
}
