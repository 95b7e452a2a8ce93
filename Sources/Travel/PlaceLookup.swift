import Foundation

extension Timetable {
    /// What a user typed for a place: a city (id, English or Chinese name), a stop id, or `lat,lon`.
    public enum PlaceQuery: Sendable, Hashable {
        case city(City)
        case stop(Stop)
        case point(Place)
    }

    /// Resolves a place the way `tiaoqi route` reads it (a stop id first, then a city); nil when nothing matches.
    public func place(named text: String) -> PlaceQuery? {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let stop = stop(id: key) ?? stops.first(where: { $0.id.lowercased() == key.lowercased() }) {
            return .stop(stop)
        }
        let lower = key.lowercased()
        if let city = cities[key] ?? cities[lower]
            ?? cities.values.sorted(by: { $0.id < $1.id }).first(where: {
                $0.id.lowercased() == lower || $0.name.lowercased() == lower || $0.nameZh == key
            })
        {
            return .city(city)
        }
        let numbers = key.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        if numbers.count == 2, let lat = numbers[0], let lon = numbers[1], (-90...90).contains(lat),
            (-180...180).contains(lon)
        {
            let point = Coordinate(lat: lat, lon: lon)
            guard
                let nearest = cities.values.min(by: {
                    $0.coordinate.kilometres(to: point) < $1.coordinate.kilometres(to: point)
                }),
                nearest.coordinate.kilometres(to: point) <= 100
            else { return nil }
            return .point(Place(cityID: nearest.id, coordinate: point, label: "\(lat),\(lon)"))
        }
        return nil
    }

    /// Close matches for a place that was not found: cities first, then stop ids.
    public func suggestions(for text: String) -> [String] {
        let key = text.lowercased()
        let stopsLike = stops.filter { editDistance(key, $0.id.lowercased()) <= 1 }.map(\.id)
        return citiesResembling(text).map(\.id) + stopsLike
    }
}
