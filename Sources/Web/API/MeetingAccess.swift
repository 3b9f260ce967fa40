import Access
import Storage

extension WuyeRequestContext {
    /// The meeting named in the path, if the account may do `action` in its compound: 401, 403 or
    /// 404 as the policy says, for the API and the pages alike.
    func meeting(for action: Action, assemblies: AssemblyStore, places: RegistryPlaces) async throws -> MeetingView {
        try signedIn()
        let meeting = try await Int64(parameters.get("id") ?? "").asyncFlatMap(assemblies.meeting(id:))
        try require(action, at: try await meeting.asyncFlatMap { try await places.place(ofCompound: $0.compoundID) })
        guard let meeting else { throw AccessRefused(status: .notFound) }
        return meeting
    }

    /// The same check, answering only the meeting's id: casting needs no turnout or totals, and
    /// counting them on every ballot would cost more than the ballot.
    func meetingID(for action: Action, assemblies: AssemblyStore, places: RegistryPlaces) async throws -> Int64 {
        try signedIn()
        let id = Int64(parameters.get("id") ?? "")
        let compound = try await id.asyncFlatMap(assemblies.compound(ofMeeting:))
        try require(action, at: try await compound.asyncFlatMap { try await places.place(ofCompound: $0) })
        guard let id, compound != nil else { throw AccessRefused(status: .notFound) }
        return id
    }
}
