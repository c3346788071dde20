import VTCModel
import VTCTexts

/// How a form shows the moment or day it read from what was typed, in full and with the
/// weekday (`26.11 → onsdag 26.11.2025`), so that a guessed year or day is seen before saving.
enum UnderstoodTime {
    static func moment(_ context: AppContext) -> @Sendable (String) -> String? {
        { text in
            let zone = context.policy.zone
            guard case .success(let moment) = OccurredInput.moment(text, now: context.now, zone: zone) else { return nil }
            return context.texts.message(.dateTime(moment.expressed(in: zone)))
        }
    }

    static func day(_ window: OccurredInput.DayWindow, _ context: AppContext) -> @Sendable (String) -> String? {
        { text in
            guard case .success(let day) = OccurredInput.day(text, now: context.now, zone: context.policy.zone,
                                                            window: window) else { return nil }
            return context.texts.message(.longDate(day))
        }
    }
}
