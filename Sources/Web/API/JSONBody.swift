import Foundation
import Hummingbird

/// A JSON request body decoded into `T`; a missing or malformed field is a 400 naming the field.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: WuyeRequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try WuyeRequestContext.decoder.decode(type, from: Data(buffer: buffer))
        } catch let DecodingError.keyNotFound(key, path) {
            throw APIError.badParameter(field(path.codingPath + [key]), "缺少字段")
        } catch let DecodingError.dataCorrupted(path), let DecodingError.typeMismatch(_, path), let DecodingError.valueNotFound(_, path) {
            throw APIError.badParameter(field(path.codingPath), "字段格式不正确")
        }
    }

    /// A coding path as the client spelled it: snake_case keys joined by dots ("motions.0.title").
    static func field(_ path: [any CodingKey]) -> String {
        path.map { key in
            key.intValue.map(String.init) ?? key.stringValue.reduce(into: "") { out, character in
                if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
            }
        }.joined(separator: ".")
    }
}
