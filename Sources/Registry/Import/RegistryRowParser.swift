import Foundation
import WuyeCore

/// Turns one CSV record into a `RegistryRow`, or into every issue the record has (all fields are
/// checked, not only up to the first bad one).
public struct RegistryRowParser: Sendable {
    public let header: RegistryHeader
    public let today: Date
    /// The previous row's division codes as checked: rows come grouped by compound, so most rows
    /// repeat them, and a code equal to the previous one (under the same parent) needs no check.
    private var checkedDivisions: [CheckedDivision] = []
    private struct CheckedDivision {
        var column: RegistryColumn
        var raw: String
        var parent: DivisionCode?
        var code: DivisionCode
    }

    public init(header: RegistryHeader, today: Date) {
        self.header = header
        self.today = today
    }

    public mutating func parse(_ record: CSVRecord) -> Result<RegistryRow, RegistryIssueList> {
        var issues: [RegistryIssue] = []
        let line = record.line

        func text(_ column: RegistryColumn) -> String {
            guard let index = header.position(of: column), index < record.fields.count else { return "" }
            return record.fields[index].trimmedWhitespace
        }
        func report(_ column: RegistryColumn, _ error: DomainError) {
            issues.append(RegistryIssue(line: line, column: header.name(of: column), error: error))
        }
        func required(_ column: RegistryColumn, maxLength: Int = 100) -> String? {
            let value = text(column)
            if value.isEmpty {
                report(column, RegistryRules.required)
                return nil
            }
            // A character is at least one byte: count characters only when the bytes could be too many.
            if value.utf8.count > maxLength, value.count > maxLength {
                report(column, RegistryRules.tooLong(maxLength))
                return nil
            }
            return value
        }
        func division(_ column: RegistryColumn, level: DivisionLevel, parent: DivisionCode?) -> DivisionCode? {
            let raw = text(column)
            let memo = checkedDivisions.firstIndex { $0.column == column }
            if let memo, checkedDivisions[memo].raw == raw, checkedDivisions[memo].parent == parent {
                return checkedDivisions[memo].code
            }
            do throws(DomainError) {
                let code = try DivisionCode(raw)
                guard code.level == level else {
                    report(column, RegistryRules.wrongLevel(raw, expected: level))
                    return nil
                }
                if let parent { try DivisionCode.requireChild(code, of: parent) }
                let checked = CheckedDivision(column: column, raw: raw, parent: parent, code: code)
                if let memo { checkedDivisions[memo] = checked } else { checkedDivisions.append(checked) }
                return code
            } catch {
                report(column, error)
                return nil
            }
        }

        if record.fields.count == 1, record.fields[0].trimmedWhitespace.isEmpty {
            return .failure(RegistryIssueList(issues: [RegistryIssue(
                line: line, column: "-", reason: "空行 (empty line)", code: "empty_line")]))
        }

        let districtCode = division(.districtCode, level: .district, parent: nil)
        let districtName = required(.districtName)
        let subdistrictCode = division(.subdistrictCode, level: .subdistrict, parent: districtCode)
        let subdistrictName = required(.subdistrictName)
        let communityCode = division(.communityCode, level: .community, parent: subdistrictCode)
        let communityName = required(.communityName)
        let compoundName = required(.compoundName)
        var compoundType: CompoundType?
        if let raw = required(.compoundType) {
            compoundType = CompoundType(label: raw)
            if compoundType == nil { report(.compoundType, RegistryRules.unknownCompoundType(raw)) }
        }
        let building = required(.building, maxLength: 20).map(RegistryRules.normaliseBuilding)
        let unit = required(.unit, maxLength: 20).map(RegistryRules.normaliseUnit)
        let home = required(.home, maxLength: 20).map(RegistryRules.normaliseHome)
        var area: CentiSquareMetres?
        do throws(DomainError) { area = try CentiSquareMetres.parse(squareMetres: text(.areaM2)) } catch {
            report(.areaM2, error)
        }
        var delivered = true
        let deliveredText = text(.delivered)
        if !deliveredText.isEmpty {
            if let value = RegistryRules.parseDelivered(deliveredText) {
                delivered = value
            } else {
                report(.delivered, RegistryRules.badDelivered(deliveredText))
            }
        }

        // Owner: required for delivered homes; a home still held by the developer may have none.
        var owner: OwnerRecord?
        let ownerName = text(.ownerName)
        let idNumber = text(.ownerIDNumber)
        if delivered || !ownerName.isEmpty || !idNumber.isEmpty {
            let name = required(.ownerName)
            var identifier: OwnerIdentifier?
            if idNumber.isEmpty {
                report(.ownerIDNumber, RegistryRules.required)
            } else {
                do throws(DomainError) { identifier = try OwnerIdentifier(idNumber, today: today) } catch {
                    report(.ownerIDNumber, error)
                }
            }
            var phone: PhoneNumber?
            let phoneText = text(.ownerPhone)
            if !phoneText.isEmpty {
                do throws(DomainError) { phone = try PhoneNumber(phoneText) } catch { report(.ownerPhone, error) }
            }
            if let name, let identifier { owner = OwnerRecord(identifier: identifier, name: name, phone: phone) }
        }

        guard issues.isEmpty, let districtCode, let districtName, let subdistrictCode, let subdistrictName,
              let communityCode, let communityName, let compoundName, let compoundType, let building, let unit,
              let home, let area
        else { return .failure(RegistryIssueList(issues: issues)) }
        return .success(RegistryRow(
            line: line,
            district: NamedDivision(code: districtCode, name: districtName),
            subdistrict: NamedDivision(code: subdistrictCode, name: subdistrictName),
            community: NamedDivision(code: communityCode, name: communityName),
            compoundName: compoundName, compoundType: compoundType,
            building: building, unit: unit, home: home, area: area, owner: owner, delivered: delivered))
    }
}
