import Foundation
import WuyeCore

/// A meeting as the committee convenes it: title, motions and the voting window. The checks are the
/// law's: the agenda is published at least `noticeDays` before voting opens (Qingdao 物业管理条例
/// Art. 29: 15 days, counted in calendar days), and nothing can be voted on that is not on the published agenda — the motions
/// are fixed here and never added to later.
public struct MeetingPlan: Sendable, Equatable {
    public let title: String
    public let motions: [AssemblyExport.Motion]
    public let opensAt: Date
    public let closesAt: Date
    /// May an owner change a ballot until the close? The assembly's rules of procedure (议事规则) say;
    /// when they do not, a ballot may be changed and the last one counts.
    public let ballotsChangeable: Bool

    /// Qingdao Art. 29; a jurisdiction may set more.
    public static let defaultNoticeDays = 15

    public init(title raw: String, motions: [(matter: Int, title: String)], opensAt: Date, closesAt: Date, publishedAt: Date,
                noticeDays: Int = MeetingPlan.defaultNoticeDays, ballotsChangeable: Bool = true) throws(DomainError) {
        let title = raw.trimmedWhitespace
        guard (1...100).contains(title.count) else {
            throw DomainError(code: "invalid_title", message: "请填写 1 到 100 个字的会议名称", english: "a title has 1 to 100 characters",
                              field: "title")
        }
        guard (1...20).contains(motions.count) else {
            throw DomainError(code: "invalid_motions", message: "一次会议表决 1 到 20 项议题", english: "a meeting has 1 to 20 motions",
                              field: "motions")
        }
        var checked: [AssemblyExport.Motion] = []
        for (index, motion) in motions.enumerated() {
            guard let matter = MotionMatter(rawValue: motion.matter) else {
                throw DomainError(code: "invalid_matter", message: "第 \(index + 1) 项议题的事项类别应为《民法典》第二百七十八条第一款第 1 至 9 项",
                                  english: "motion \(index + 1): matter must be Art. 278 item 1–9", field: "motions[\(index)].matter")
            }
            let text = motion.title.trimmedWhitespace
            guard (1...200).contains(text.count) else {
                throw DomainError(code: "invalid_motion_title", message: "第 \(index + 1) 项议题请填写 1 到 200 个字",
                                  english: "motion \(index + 1): a title has 1 to 200 characters", field: "motions[\(index)].title")
            }
            checked.append(AssemblyExport.Motion(id: index + 1, matter: matter, title: text))
        }
        // Counted in calendar days in China: published on the 1st, voting may open on the 16th.
        let days = CivilDate.inChina(opensAt).daysSince1970 - CivilDate.inChina(publishedAt).daysSince1970
        guard days >= noticeDays else {
            throw DomainError(code: "notice_too_short", message: "议题须在表决开始 \(noticeDays) 日前公告（《青岛市物业管理条例》第二十九条）",
                              english: "the agenda must be published \(noticeDays) days before voting opens (Qingdao Art. 29)",
                              field: "opens_at")
        }
        guard closesAt > opensAt else {
            throw DomainError(code: "window_empty", message: "表决截止时间须晚于开始时间", english: "voting must close after it opens",
                              field: "closes_at")
        }
        self.title = title
        self.motions = checked
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.ballotsChangeable = ballotsChangeable
    }
}

/// The scan of a paper ballot or a written vote: an image or a PDF, judged by its bytes, ≤ 10 MB.
public enum BallotScan {
    public static let maxBytes = 10 * 1024 * 1024

    public static func check(_ bytes: [UInt8]) throws(DomainError) -> UploadKind {
        guard !bytes.isEmpty else {
            throw DomainError(code: "scan_required", message: "请附上纸质表决票或书面意见的扫描件（拍照即可）",
                              english: "attach the scan of the paper ballot", field: "scan")
        }
        guard bytes.count <= maxBytes, let kind = UploadKind.of(bytes) else {
            throw DomainError(code: "scan_type", message: "扫描件须为 10 MB 以内的 PDF 或 JPEG、PNG、WebP、HEIC 图片",
                              english: "a scan is a PDF or an image of at most 10 MB", field: "scan")
        }
        return kind
    }
}
