import Logging

/// Where text messages to phones go. Production plugs in an SMS provider; development and the
/// demo use `LogMessageGateway`, which writes the message to the log.
public protocol MessageGateway: Sendable {
    func send(to mobile: String, text: String) async throws
}

/// Writes each message to the log instead of sending it (development only: the log then holds
/// one-time codes).
public struct LogMessageGateway: MessageGateway {
    let logger: Logger

    public init(logger: Logger = Logger(label: "wuye.messages")) {
        self.logger = logger
    }

    public func send(to mobile: String, text: String) async throws {
        logger.notice("message to \(mobile): \(text)")
    }
}
