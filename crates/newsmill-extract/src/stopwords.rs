//! Function words of the languages newsmill meets most. Running text is dense in them, page
//! chrome (menus, labels, link lists) is not: both extractors use the share of stop words as
//! a sign of prose. One merged set serves all languages: a menu is poor in every language's
//! function words, and merging saves detecting the language before cleaning.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

const EN: &str = "a about above after again against all also am an and any are as at be because been before being \
below between both but by can could did do does doing down during each few for from further had has have having he her \
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on \
once only or other our ours ourselves out over own same she should so some such than that the their theirs them \
themselves then there these they this those through to too under until up very was we were what when where which while \
who whom why will with would you your yours yourself yourselves said says who's it's that's there's they're we're isn't \
wasn't don't didn't won't can't";
const DE: &str = "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis bist da \
damit dann das dass dem den denn der des dich die dies diese dieser dieses dir doch dort du durch ein eine einem einen \
einer eines er es etwas euch euer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr \
ihre im in indem ins ist jede jedem jeden jeder jetzt kann kein keine können könnte machen man manche mehr mein mich mir \
mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sollte sondern \
über um und uns unter viel vom von vor war waren warum was weil weiter welche wenn wer werde werden wie wieder will wir \
wird wo wurde wurden zu zum zur zwar zwischen";
const FR: &str = "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi \
mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous été \
est sont était ont avait fait comme plus aussi cette cet être avoir";
const ES: &str = "a al algo como con de del desde donde el ella ellos en entre era es esa ese esta este fue han hay la \
las le les lo los más mas me mi muy no nos o para pero por que qué se sea ser si sin sobre son su sus también te tiene \
todo tu un una uno y ya está están";
const IT: &str = "il lo la i gli le di da in con su per tra fra un una uno e è che non si del della dei delle al alla \
nel nella sono ha anche come più ma se questo questa essere";
const PT: &str = "o os a as de do da dos das em no na nos nas um uma e é que não se por para com como mais mas foi \
ao aos pelo pela seu sua ser está são também";
const NL: &str = "de het een en van in is dat op te zijn met voor niet aan er die ook als bij door maar om dan naar \
wordt werd nog wel heeft hebben was";
const PL: &str = "i w na z do że się nie to jest o jak po ale za od tak co by już czy tylko dla przez jego jej są był \
była było może także oraz";

static STOPWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| [EN, DE, FR, ES, IT, PT, NL, PL].iter().flat_map(|list| list.split_whitespace()).collect());

/// Whether `word`, already lowercased, is a function word in one of the languages.
pub fn is_stopword(lowercase_word: &str) -> bool {
    STOPWORDS.contains(lowercase_word)
}

/// Share of the words of `text` that are stop words; 0 for text without words.
pub fn stopword_share(text: &str) -> f64 {
    let mut words = 0usize;
    let mut stops = 0usize;
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()) {
        words += 1;
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        if is_stopword(&buf) {
            stops += 1;
        }
    }
    if words == 0 { 0.0 } else { stops as f64 / words as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_denser_than_menus() {
        let prose = stopword_share("The talks are at the very early stages, he said, and so far amounted to little.");
        let menu = stopword_share("Home World Business Sport Opinion Culture Video Podcasts");
        assert!(prose > 0.4, "{prose}");
        assert!(menu < 0.1, "{menu}");
    }
}
