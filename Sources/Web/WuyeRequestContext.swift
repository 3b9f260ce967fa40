import Access
import Foundation
import Hummingbird
import Storage

/// The request context of every route: JSON in snake_case, as the API documents it, and who is
/// asking — filled in by `IdentityMiddleware` from a session cookie or a bearer token.
public struct WuyeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, nil for anonymous requests.
    public var principal: Principal?
    /// The session the cookie named; nil for anonymous and bearer-token requests.
    public var session: SessionStore.Current?
    /// The client's address, for lock-out and write limits per address: the peer's, or the one a
    /// trusted proxy names (`ClientAddressMiddleware`).
    public internal(set) var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    public var responseEncoder: JSONEncoder { Self.encoder }
    public var requestDecoder: JSONDecoder { Self.decoder }
    /// Forms and JSON bodies are small; anything larger is refused with 413 before it is read. The
    /// CSRF middleware raises it for the few routes that take photos (`UploadLimits`).
    public var maxUploadSize: Int = UploadLimits.form

    /// Who an audit entry names for this request.
    var actor: AuditActor {
        AuditActor(accountID: principal?.accountID, label: principal.map { "\($0.name)" } ?? "anonymous", requestID: id)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
