import Access
import Foundation
import Funds
import HTTPTypes
import Storage
import Testing
import WuyeCore

/// The access matrix's probes of the maintenance fund: everyone who sees a compound sees its fund
/// and its uses; the housing office keeps deposits and pays, the committee or company proposes, the
/// committee approves; an empty form is refused (422) for whoever may act.
extension AccessMatrixTests {
    static let maintenanceMatrix: [String: Probes] = [
        "GET /compounds/{id}/maintenance-fund": maintenanceCompound(.viewRegistry, post: false, allowed: .ok, ""),
        "GET /compounds/{id}/maintenance-fund/homes.csv": maintenanceCompound(.viewRegistry, post: false, allowed: .ok, "/homes.csv"),
        "POST /compounds/{id}/maintenance-fund/deposits": maintenanceCompound(.keepMaintenanceFund, post: true, allowed: .unprocessableContent, "/deposits"),
        "POST /compounds/{id}/maintenance-fund/top-ups": maintenanceCompound(.keepMaintenanceFund, post: true, allowed: .unprocessableContent, "/top-ups"),
        "POST /compounds/{id}/maintenance-fund/uses": maintenanceCompound(.proposeMaintenanceUse, post: true, allowed: .unprocessableContent, "/uses"),
        "GET /maintenance-fund/uses/{use}": maintenanceUse([.viewRegistry], post: false, ""),
        "GET /maintenance-fund/uses/{use}/shares.csv": maintenanceUse([.viewRegistry], post: false, "/shares.csv"),
        "POST /maintenance-fund/uses/{use}/vote": maintenanceUse([.conveneMeeting], post: true, "/vote"),
        "POST /maintenance-fund/uses/{use}/vote-result": maintenanceUse([.conveneMeeting, .approveMaintenanceUse], post: true, "/vote-result"),
        "POST /maintenance-fund/uses/{use}/approval": maintenanceUse([.approveMaintenanceUse, .keepMaintenanceFund], post: true, "/approval"),
        "POST /maintenance-fund/uses/{use}/disbursement": maintenanceUse([.keepMaintenanceFund], post: true, "/disbursement"),
        "POST /maintenance-fund/uses/{use}/acceptance": maintenanceUse([.approveMaintenanceUse, .keepMaintenanceFund], post: true, "/acceptance"),
        "POST /maintenance-fund/uses/{use}/publication": maintenanceUse([.approveMaintenanceUse, .keepMaintenanceFund], post: true, "/publication"),
        "GET /maintenance-funds": { principal, _, _ in [get("/maintenance-funds", office(principal, .superviseMaintenanceFunds))] },
        "POST /maintenance-funds/rates": { principal, _, _ in
            [Probe(uri: "/maintenance-funds/rates", form: [:], json: nil, expected: office(principal, .keepMaintenanceFund, allowed: .unprocessableContent))]
        },
    ]

    static func maintenanceCompound(_ action: Action, post: Bool, allowed: HTTPResponse.Status, _ suffix: String) -> Probes {
        registry(action, api: false, post: post, allowed: allowed) { world in
            [("/compounds/\(world.compound)/maintenance-fund\(suffix)", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/maintenance-fund\(suffix)", try await world.places.place(ofCompound: world.farCompound))]
        }
    }

    /// A proposed use in the demo compound and one far away (proposed once per world). A step on it
    /// with an empty form is refused (422) for whoever may take any of `actions` there.
    static func maintenanceUse(_ actions: [Action], post: Bool, _ suffix: String) -> Probes {
        { principal, world, _ in
            let funds = MaintenanceFunds(database: world.accounts.database)
            return try await [world.compound, world.farCompound].asyncMap { compound in
                var id = try await funds.uses(compound: compound).first?.id
                if id == nil {
                    id = try await funds.propose(try MaintenancePlan(title: "矩阵维修", budget: "100", contractor: "某公司", scope: .compound, emergency: nil,
                                                                     notExcluded: true), compound: compound, by: .command("test"))
                }
                let place = try await world.places.place(ofCompound: compound)
                let expected: HTTPResponse.Status = if let principal {
                    place.map { place in actions.contains { principal.decide($0, at: place) == .allowed } } == true
                        ? (post ? .unprocessableContent : .ok)
                        : actions.contains(where: principal.mayEver) ? .notFound : .forbidden
                } else { .seeOther }
                return Probe(uri: "/maintenance-fund/uses/\(id ?? 0)\(suffix)", form: post ? [:] : nil, json: nil, expected: expected)
            }
        }
    }
}
