// A bar chart drawn from figures core computed (PlanModel): bars with their values written on them,
// labels under them, no chart library. One series (value) or two side by side (planned and held).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

ColumnLayout {
    id: chart
    property string title
    /// [{label, value, text}] or, with paired, [{label, planned, held}]
    property var bars: []
    property bool paired: false
    property string firstName: ""  // the paired series' names, for the legend
    property string secondName: ""
    property int barAreaHeight: 140
    spacing: 4
    readonly property real maxValue: {
        let m = 1
        for (const b of bars)
            m = Math.max(m, paired ? Math.max(b.planned, b.held) : b.value)
        return m
    }
    Label { text: chart.title; font.pixelSize: 17; font.bold: true; Layout.topMargin: 10; Layout.fillWidth: true; wrapMode: Text.Wrap }
    RowLayout {
        visible: chart.paired
        spacing: 12
        Rectangle { width: 14; height: 14; color: Theme.borderStrong }
        Label { text: chart.firstName; color: Theme.inkSoft }
        Rectangle { width: 14; height: 14; color: Theme.focus }
        Label { text: chart.secondName; color: Theme.inkSoft }
    }
    // Vertical bars for a series over time (months); horizontal rows for named categories (fields).
    // Bars sized from the chart's width sit in an Item whose implicit width is 0: a Row's own would
    // be the sum of its bars, feed back into the chart's width and push it past the page's edge.
    Item {
        visible: !chart.paired
        Layout.fillWidth: true
        implicitHeight: chart.barAreaHeight + 40
    Row {
        anchors.fill: parent
        spacing: 2
        Repeater {
            model: chart.paired ? [] : chart.bars
            Item {
                required property var modelData
                width: (chart.width - 2 * (chart.bars.length - 1)) / Math.max(1, chart.bars.length)
                height: parent.height
                Rectangle {
                    id: bar
                    anchors.bottom: monthLabel.top
                    anchors.bottomMargin: 2
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: parent.width * 0.7
                    height: Math.max(modelData.value > 0 ? 2 : 0, chart.barAreaHeight * modelData.value / chart.maxValue)
                    color: Theme.focus
                    radius: 2
                }
                Text {
                    anchors.bottom: bar.top
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: modelData.value > 0 ? modelData.text : ""
                    font.pixelSize: 11
                    color: Theme.inkSoft
                }
                Text {
                    id: monthLabel
                    anchors.bottom: parent.bottom
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: modelData.label
                    font.pixelSize: 13
                    color: Theme.ink
                }
            }
        }
    }
    }
    Repeater {
        model: chart.paired ? chart.bars : []
        ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 1
            Label { text: modelData.label + " — " + qsTr("%1 of %2 held").arg(modelData.held).arg(modelData.planned); color: Theme.ink; font.pixelSize: 14
                    Layout.fillWidth: true; wrapMode: Text.Wrap }
            Item {
                id: pair
                Layout.fillWidth: true
                implicitHeight: 21
                Rectangle {
                    width: Math.max(2, pair.width * modelData.planned / chart.maxValue)
                    height: 10
                    color: Theme.borderStrong
                    radius: 2
                }
                Rectangle {
                    y: 11
                    width: Math.max(modelData.held > 0 ? 2 : 0, pair.width * modelData.held / chart.maxValue)
                    height: 10
                    color: Theme.focus
                    radius: 2
                }
            }
        }
    }
}
