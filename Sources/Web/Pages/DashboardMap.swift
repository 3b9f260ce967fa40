import Foundation
import Storage
import WuyeCore

/// The dashboard's drawings as inline SVG, no tile server: a tile map — one square per child area
/// in code order, coloured in five steps by the chosen indicator (darker is better), each a link to
/// drill down — and twelve months of cases as bars. Text is escaped; nothing comes from the request.
enum DashboardMap {
    static let shades = ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"]

    static func svg(_ children: [DashboardFigures], indicator: DashboardFigures.Indicator, href: (DashboardFigures) -> String) -> String {
        guard !children.isEmpty else { return "" }
        let columns = max(1, Int(Double(children.count).squareRoot().rounded(.up)))
        let rows = (children.count + columns - 1) / columns
        let (width, height, gap) = (150, 84, 6)
        let values = children.map { indicator.value($0) }
        let known = values.compactMap { $0 }
        let low = known.min() ?? 0, high = known.max() ?? 0
        var svg = "<svg class=\"map\" role=\"img\" aria-label=\"\(escape(indicator.chineseName))分布图\" viewBox=\"0 0 \(columns * (width + gap)) \(rows * (height + gap))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, child) in children.enumerated() {
            let x = (index % columns) * (width + gap), y = (index / columns) * (height + gap)
            var fill = "#eeeeee", step = -1
            if let value = values[index] {
                step = high == low ? 4 : (value - low) * 4 / (high - low)
                if !indicator.higherIsBetter { step = 4 - step }
                fill = shades[step]
            }
            let ink = step >= 3 ? "#ffffff" : "#1b1b1b"
            svg += "<a href=\"\(escape(href(child)))\"><g class=\"tile\" data-key=\"\(escape(child.key))\" data-value=\"\(values[index].map(String.init) ?? "")\">"
            svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" rx=\"8\" fill=\"\(fill)\"/>"
            svg += "<text x=\"\(x + 10)\" y=\"\(y + 30)\" fill=\"\(ink)\" font-size=\"15\">\(escape(String(child.name.prefix(9))))</text>"
            svg += "<text x=\"\(x + 10)\" y=\"\(y + 62)\" fill=\"\(ink)\" font-size=\"22\" font-weight=\"bold\">\(escape(indicator.text(values[index])))</text></g></a>"
        }
        return svg + "</svg>"
    }

    static func trendSVG(_ months: [Dashboard.Month]) -> String {
        guard !months.isEmpty else { return "" }
        let top = max(1, months.map(\.reported).max() ?? 1)
        let (bar, gap, height) = (40, 12, 160)
        var svg = "<svg class=\"trend\" role=\"img\" aria-label=\"近 12 个月案件与投诉\" viewBox=\"0 0 \(months.count * (bar + gap)) \(height + 40)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, month) in months.enumerated() {
            let x = index * (bar + gap)
            let all = Int(month.reported * Int64(height) / top), complaints = Int(month.complaints * Int64(height) / top)
            svg += "<g class=\"month\" data-month=\"\(month.month)\" data-reported=\"\(month.reported)\" data-complaints=\"\(month.complaints)\">"
            svg += "<title>\(month.month)：案件 \(month.reported) 件，其中投诉 \(month.complaints) 件</title>"
            svg += "<rect x=\"\(x)\" y=\"\(height - all)\" width=\"\(bar)\" height=\"\(all)\" fill=\"#9ecae1\"/>"
            svg += "<rect x=\"\(x)\" y=\"\(height - complaints)\" width=\"\(bar)\" height=\"\(complaints)\" fill=\"#de2d26\"/>"
            svg += "<text x=\"\(x + 2)\" y=\"\(height + 18)\" font-size=\"12\">\(month.month.suffix(2))月</text>"
            svg += "<text x=\"\(x + 2)\" y=\"\(height + 34)\" font-size=\"12\">\(month.reported)</text></g>"
        }
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
