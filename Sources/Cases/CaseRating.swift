import WuyeCore

/// The reporter's rating at closure: 1–5 stars and a comment. Two stars or fewer is dissatisfied and
/// sends the case back for rework (Jinan 12345 hotline regulation Art. 27).
public struct CaseRating: Sendable, Equatable {
    public let stars: Int
    public let comment: String

    public init(stars: Int, comment: String) throws(DomainError) {
        guard (1...5).contains(stars) else {
            throw DomainError(code: "invalid_rating", message: "请打 1 到 5 星", english: "a rating is 1 to 5 stars", field: "stars")
        }
        let text = comment.trimmedWhitespace
        guard text.count <= 500 else {
            throw DomainError(code: "comment_too_long", message: "评价最多 500 字", english: "a comment has at most 500 characters",
                              field: "comment")
        }
        self.stars = stars
        self.comment = text
    }

    public var isDissatisfied: Bool { stars <= 2 }
}

/// On-time rate = closed on time / (closed + open and overdue), in tenths of a percent, rounded
/// half up; nil when there is nothing to rate.
public enum OnTimeRate {
    public static func permille(closedOnTime: Int, closed: Int, openOverdue: Int) -> Int? {
        Permille.of(closedOnTime, closed + openOverdue)
    }
}
