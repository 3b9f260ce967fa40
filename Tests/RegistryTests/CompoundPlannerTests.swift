import Foundation
import Registry
import Testing
import WuyeCore

struct CompoundPlannerTests {
    let key = CompoundKey(communityCode: try! DivisionCode("370202001001"), name: "海逸花园")

    func row(_ building: String, _ unit: String, _ home: String, area: Int64 = 10000, id: String? = "370202199001011237",
             name: String = "张三") throws -> RegistryRow {
        RegistryRow(
            line: 2, district: NamedDivision(code: try DivisionCode("370202"), name: "市南区"),
            subdistrict: NamedDivision(code: try DivisionCode("370202001"), name: "香港中路街道"),
            community: NamedDivision(code: key.communityCode, name: "海逸社区"),
            compoundName: key.name, compoundType: .closed, building: building, unit: unit, home: home,
            area: CentiSquareMetres(area),
            owner: try id.map { OwnerRecord(identifier: try OwnerIdentifier($0), name: name, phone: nil) },
            delivered: id != nil)
    }

    @Test func newCompoundGetsEveryEntityAndExactCounts() throws {
        var ids = RegistryIDs()
        let rows = [try row("1", "1", "101"), try row("1", "2", "201", area: 5050), try row("2", "1", "101", id: nil)]
        let plan = CompoundPlanner.plan(compound: key, type: .closed, rows: rows, snapshot: nil, owners: [:], ids: &ids)

        #expect(plan.isNewCompound)
        #expect(plan.newBuildings.map(\.number) == ["1", "2"])
        #expect(plan.newBuildings[0].counts == RegistryCounts(units: 2, homes: 2, area: CentiSquareMetres(15050)))
        #expect(plan.newUnits.count == 3)
        #expect(plan.newHomes.count == 3)
        #expect(plan.newOwners.count == 1)  // 张三 owns two homes: one owner
        #expect(plan.newOwnerships.count == 2)
        #expect(plan.compoundCounts == RegistryCounts(buildings: 2, units: 3, homes: 3, area: CentiSquareMetres(25050)))
        #expect(ids == RegistryIDs(compound: 2, building: 3, unit: 4, home: 4, owner: 2))
    }

    @Test func planningAgainstWhatItWroteChangesNothing() throws {
        var ids = RegistryIDs()
        let rows = [try row("1", "1", "101"), try row("1", "1", "101", id: "11010519491231002X", name: "李四")]
        let first = CompoundPlanner.plan(compound: key, type: .closed, rows: rows, snapshot: nil, owners: [:], ids: &ids)
        let snapshot = CompoundSnapshot(
            id: first.compoundID, type: .closed,
            buildings: ["1": ExistingBuilding(id: first.newBuildings[0].id, counts: first.newBuildings[0].counts)],
            units: [UnitKey(building: "1", unit: "1"): first.newUnits[0].id],
            homes: [HomeKey(building: "1", unit: "1", home: "101"): ExistingHome(
                id: first.newHomes[0].id, buildingID: first.newBuildings[0].id, area: CentiSquareMetres(10000),
                delivered: true, ownerIDs: first.newOwners.map(\.id).sorted())])
        let owners = Dictionary(uniqueKeysWithValues: first.newOwners.map {
            ($0.identifier.rawValue, ExistingOwner(id: $0.id, name: $0.name, phone: nil))
        })
        let again = CompoundPlanner.plan(compound: key, type: .closed, rows: rows, snapshot: snapshot, owners: owners, ids: &ids)

        #expect(!again.isNewCompound)
        #expect(again.newBuildings.isEmpty && again.newUnits.isEmpty && again.newHomes.isEmpty)
        #expect(again.changedHomes.isEmpty && again.newOwners.isEmpty && again.changedOwners.isEmpty)
        #expect(again.newOwnerships.isEmpty && again.clearedOwnershipHomes.isEmpty)
        #expect(!again.compoundCountsChanged)
        #expect(again.recountedBuildings.isEmpty)
    }

    @Test func changedOwnerReplacesTheHomesOwnershipsAndAreaChangeRecounts() throws {
        var ids = RegistryIDs(compound: 2, building: 2, unit: 2, home: 2, owner: 8)
        let snapshot = CompoundSnapshot(
            id: 1, type: .closed,
            buildings: ["1": ExistingBuilding(id: 1, counts: RegistryCounts(units: 1, homes: 1, area: CentiSquareMetres(10000)))],
            units: [UnitKey(building: "1", unit: "1"): 1],
            homes: [HomeKey(building: "1", unit: "1", home: "101"): ExistingHome(
                id: 1, buildingID: 1, area: CentiSquareMetres(10000), delivered: true, ownerIDs: [7])])
        let rows = [try row("1", "1", "101", area: 10100, id: "11010519491231002X", name: "李四")]
        let plan = CompoundPlanner.plan(compound: key, type: .closed, rows: rows, snapshot: snapshot, owners: [:], ids: &ids)

        #expect(plan.changedHomes.map(\.area) == [CentiSquareMetres(10100)])
        #expect(plan.clearedOwnershipHomes == [1])
        #expect(plan.removedOwnershipCount == 1)
        #expect(plan.newOwnerships == [CompoundPlan.Ownership(homeID: 1, ownerID: 8)])
        #expect(plan.recountedBuildings.first?.counts.area == CentiSquareMetres(10100))
        #expect(plan.compoundCounts.area == CentiSquareMetres(10100))
    }
}
