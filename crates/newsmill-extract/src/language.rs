//! Language of the story: declared (`<html lang>`, `og:locale`) when the page says so, else
//! detected from the body with whatlang.

/// Shortest body worth running detection on; below it whatlang guesses wildly.
const MIN_DETECT_CHARS: usize = 40;

/// Detects the language of `text` as an ISO 639-1 code, when the detector is reliable.
pub fn detect(text: &str) -> Option<String> {
    if text.len() < MIN_DETECT_CHARS {
        return None;
    }
    // A few kilobytes decide the language as well as the whole text, at a fraction of the cost.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso639_1(info.lang()).map(str::to_string)
}


fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Rus => "ru",
        Ukr => "uk",
        Ces => "cs",
        Slk => "sk",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Hun => "hu",
        Ron => "ro",
        Tur => "tr",
        Ell => "el",
        Bul => "bg",
        Hrv => "hr",
        Srp => "sr",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Ara => "ar",
        Heb => "he",
        Pes => "fa",
        Hin => "hi",
        Ben => "bn",
        Urd => "ur",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Tha => "th",
        Vie => "vi",
        Ind => "id",
        Tgl => "tl",
        Cat => "ca",
        Epo => "eo",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_german() {
        let en = "The government said on Friday that talks with the delegation would continue next week.";
        let de = "Die Regierung teilte am Freitag mit, dass die Gespräche mit der Delegation weitergehen.";
        assert_eq!(detect(en).as_deref(), Some("en"));
        assert_eq!(detect(de).as_deref(), Some("de"));
        assert_eq!(detect("short"), None);
    }
}
