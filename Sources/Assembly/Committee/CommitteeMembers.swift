import WuyeCore

/// A person on a preparatory group, a committee or a supervisory board.
public struct CommitteeMember: Sendable, Equatable, Codable {
    public enum Role: String, CaseIterable, Codable, Sendable {
        case leader, chair
        case viceChair = "vice_chair"
        case member

        public var chineseName: String {
            switch self {
            case .leader: "组长"
            case .chair: "主任"
            case .viceChair: "副主任"
            case .member: "成员"
            }
        }
    }

    public let name: String
    public let isOwner: Bool
    /// The subdistrict's representative (the preparatory group's leader, Qingdao Art. 23).
    public let fromSubdistrict: Bool
    public var role: Role

    public init(name raw: String, isOwner: Bool, fromSubdistrict: Bool = false, role: Role = .member, line: Int) throws(DomainError) {
        let name = raw.trimmedWhitespace
        guard (1...30).contains(name.count) else {
            throw DomainError(code: "invalid_name", message: "第 \(line) 位成员请填写姓名（30 字以内）", english: "member \(line): a name of 1 to 30 characters",
                              field: "members")
        }
        self.name = name
        self.isOwner = isOwner
        self.fromSubdistrict = fromSubdistrict
        self.role = role
    }

    /// Members as a clerk types them, one per line: "姓名" for an owner, "姓名,街道" for the
    /// subdistrict's representative, "姓名,非业主" for anyone else (a community or party representative).
    public static func lines(_ text: String) throws(DomainError) -> [CommitteeMember] {
        var members: [CommitteeMember] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).map(String.init).enumerated() where !line.trimmedWhitespace.isEmpty {
            let parts = line.split(whereSeparator: { $0 == "," || $0 == "，" }).map { String($0).trimmedWhitespace }
            let note = parts.count > 1 ? parts[1] : ""
            guard ["", "街道", "非业主"].contains(note) else {
                throw DomainError(code: "invalid_member_note", message: "第 \(index + 1) 行：姓名后只能注明“街道”或“非业主”",
                                  english: "line \(index + 1): after the name only 街道 or 非业主", field: "members")
            }
            members.append(try CommitteeMember(name: parts.first ?? "", isOwner: note.isEmpty, fromSubdistrict: note == "街道", line: index + 1))
        }
        return members
    }
}

/// The checks on who serves, by the jurisdiction's rules.
public enum CommitteeMakeUp {
    /// The preparatory group: at least 7, an odd number, owners at least half, led by the
    /// subdistrict's representative (Qingdao Art. 23; Shandong Art. 21).
    public static func preparatoryGroup(_ members: [CommitteeMember], rules: CommitteeRules) throws(DomainError) -> [CommitteeMember] {
        guard members.count >= 7, members.count % 2 == 1 else {
            throw DomainError(code: "group_size", message: "筹备组应为 7 人以上的单数（\(rules.citation(.formGroup))），现为 \(members.count) 人",
                              english: "a preparatory group has an odd number of at least 7 members", field: "members")
        }
        guard members.count { $0.isOwner } * 2 >= members.count else {
            throw DomainError(code: "group_owners", message: "筹备组中业主代表不得少于一半（\(rules.citation(.formGroup))）",
                              english: "owners make up at least half of the preparatory group", field: "members")
        }
        let representatives = members.indices.filter { members[$0].fromSubdistrict }
        guard representatives.count == 1 else {
            throw DomainError(code: "group_leader", message: "筹备组组长由街道办事处代表担任，请注明一位“街道”成员（\(rules.citation(.formGroup))）",
                              english: "exactly one member is the subdistrict's representative, who leads the group", field: "members")
        }
        var group = members
        group[representatives[0]].role = .leader
        return group
    }

    /// The elected committee: owners only, an odd number of at least the jurisdiction's minimum
    /// (Qingdao Art. 35: 3; Shandong Art. 30: 5), for a term of at most 5 years.
    public static func committee(_ members: [CommitteeMember], termYears: Int, rules: CommitteeRules) throws(DomainError) -> [CommitteeMember] {
        guard members.count >= rules.committeeMinimum, members.count % 2 == 1 else {
            throw DomainError(code: "committee_size",
                              message: "业主委员会应为 \(rules.committeeMinimum) 人以上的单数（\(rules.citation(.elect))），现为 \(members.count) 人",
                              english: "a committee has an odd number of at least \(rules.committeeMinimum) members", field: "members")
        }
        guard members.allSatisfy(\.isOwner) else {
            throw DomainError(code: "committee_owners", message: "业主委员会委员应当是本小区业主", english: "committee members are owners",
                              field: "members")
        }
        guard (1...rules.maximumTermYears).contains(termYears) else {
            throw DomainError(code: "term_years", message: "任期为 1 到 \(rules.maximumTermYears) 年（\(rules.citation(.elect))）",
                              english: "a term is 1 to \(rules.maximumTermYears) years", field: "term_years")
        }
        return members
    }
}

/// A document attached to a step: the report, the group's notice, the election result, the filing
/// certificate, the seal's record… a scan (JPEG, PNG, WebP, HEIC) or a PDF, judged by its bytes.
public enum CommitteeDocument {
    public static let maxBytes = 10 * 1024 * 1024

    public static func check(name raw: String, bytes: [UInt8]) throws(DomainError) -> (name: String, kind: UploadKind) {
        let name = raw.trimmedWhitespace
        guard (1...100).contains(name.count) else {
            throw DomainError(code: "invalid_name", message: "请填写文件名称（100 字以内）", english: "a document has a name of 1 to 100 characters",
                              field: "name")
        }
        guard !bytes.isEmpty, bytes.count <= maxBytes else {
            throw DomainError(code: "document_size", message: "请上传 10 MB 以内的文件", english: "a document is 1 byte to 10 MB", field: "file")
        }
        guard let kind = UploadKind.of(bytes) else {
            throw DomainError(code: "document_type", message: "文件须为 PDF 或 JPEG、PNG、WebP、HEIC 图片",
                              english: "a document is a PDF or a JPEG, PNG, WebP or HEIC image", field: "file")
        }
        return (name, kind)
    }
}
