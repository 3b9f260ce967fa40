import Foundation
import WuyeCore

/// Writes registry rows in the import format (English keys, UTF-8 with BOM so Excel opens the
/// Chinese text correctly), so `wuye demo --csv` produces a file `wuye import registry` reads.
public final class RegistryCSVWriter {
    private let handle: FileHandle
    private var buffer = Data()

    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        self.handle = handle
        buffer.append(contentsOf: CSVText.byteOrderMark)
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

    /// "\n" line ends, as the file has always had; the formula guard never fires on registry
    /// fields (codes, names, areas, yes/no).
    private func line(_ fields: [String]) {
        buffer.append(contentsOf: CSVText.line(fields, end: "\n").utf8)
    }
}
