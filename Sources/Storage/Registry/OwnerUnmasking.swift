import Foundation
import SQLKit
import WuyeCore

/// Owners' whole names, ID numbers and phones, for the roles that need them. Every read is an
/// audit entry (PIPL Art. 51; reference §8: "log every unmask"). The caller has asked the policy.
public struct OwnerUnmasking: Sendable {
    public let queries: RegistryQueries
    public let clock: any WuyeClock

    public init(queries: RegistryQueries, clock: any WuyeClock = SystemClock()) {
        self.queries = queries
        self.clock = clock
    }

    public func owners(ofHome id: Int64, by actor: AuditActor) async throws -> [OwnerRecordView] {
        let owners = try await queries.owners(ofHome: id)
        try await queries.database.write { sql in
            try await AuditLog.append(AuditChange(action: "owners.unmask", targetType: "home", targetID: String(id),
                                                  after: ["owners": String(owners.count)]),
                                      by: actor, at: clock.now(), sql: sql)
        }
        return owners
    }
}
