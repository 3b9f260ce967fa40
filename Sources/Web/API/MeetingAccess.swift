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
}
