import Foundation

/// Writes registry rows in the import format (English keys, UTF-8 with BOM so Excel opens the
/// Chinese text correctly), so `wuye demo --csv` produces a file `wuye import registry` reads.
public final class RegistryCSVWriter {
    private let handle: FileHandle
    private var buffer = Data()

    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        self.handle = handle
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
        line(RegistryColumn.allCases.map(\.rawValue))
    }

    public func write(_ row: RegistryRow) throws {
        line([
            row.district.code.rawValue, row.district.name, row.subdistrict.code.rawValue, row.subdistrict.name,
            row.community.code.rawValue, row.community.name, row.compoundName, row.compoundType.rawValue,
            row.building, row.unit, row.home, row.area.description, row.owner?.name ?? "",
            row.owner?.identifier.rawValue ?? "", row.owner?.phone?.rawValue ?? "", row.delivered ? "yes" : "no",
        ])
        if buffer.count > 1 << 20 { try flush() }
    }

    public func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func line(_ fields: [String]) {
        var text = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                text += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                text += field
            }
        }
        text += "\n"
        buffer.append(contentsOf: text.utf8)
    }
}
