//! Gradient-boosted regression trees over the entity filter's signals, as
//! `tools/train_entity_filter.py --trees` writes them: a starting log-odds, then each tree's
//! nodes in order, a split (signal, threshold, the indices of its two children in the tree;
//! left when the signal is at most the threshold) or a leaf (its log-odds).

/// One node of a tree.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Node {
    Split { feature: usize, threshold: f64, left: usize, right: usize },
    Leaf(f64),
}

/// The trees, and the log-odds they start from.
#[derive(Debug, Clone, PartialEq)]
pub struct Forest {
    init: f64,
    trees: Vec<Vec<Node>>,
}

impl Forest {
    /// The log-odds the trees give the signals `x` (in the order of the names they were parsed with).
    pub fn log_odds(&self, x: &[f32]) -> f64 {
        let mut total = self.init;
        for tree in &self.trees {
            let mut at = 0;
            // Parsing made every child index point further on, so the walk ends.
            loop {
                match tree[at] {
                    Node::Split { feature, threshold, left, right } => {
                        let v = f64::from(x.get(feature).copied().unwrap_or(0.0));
                        at = if v <= threshold { left } else { right };
                    }
                    Node::Leaf(value) => {
                        total += value;
                        break;
                    }
                }
            }
        }
        total
    }

    /// The forest in `lines` (the model file's lines after its threshold), its splits naming
    /// signals of `features`; or what is wrong with it.
    pub fn parse<'a>(lines: impl Iterator<Item = &'a str>, features: &[&str]) -> Result<Forest, String> {
        let mut forest = Forest { init: 0.0, trees: Vec::new() };
        let mut count = None;
        for line in lines {
            let fields: Vec<&str> = line.split('\t').collect();
            let number = |i: usize| -> Result<f64, String> {
                let v: f64 = fields.get(i).and_then(|f| f.trim().parse().ok()).ok_or_else(|| format!("line {line:?}"))?;
                if v.is_finite() { Ok(v) } else { Err(format!("line {line:?}")) }
            };
            let index = |i: usize| -> Result<usize, String> {
                fields.get(i).and_then(|f| f.trim().parse().ok()).ok_or_else(|| format!("line {line:?}"))
            };
            match fields[0] {
                "trees" => count = Some(index(1)?),
                "init" => forest.init = number(1)?,
                "tree" => forest.trees.push(Vec::new()),
                "leaf" => forest.current(line)?.push(Node::Leaf(number(1)?)),
                "split" => {
                    let name = fields.get(1).copied().unwrap_or("");
                    let feature =
                        features.iter().position(|f| *f == name).ok_or_else(|| format!("unknown signal {name:?}"))?;
                    let node = Node::Split { feature, threshold: number(2)?, left: index(3)?, right: index(4)? };
                    forest.current(line)?.push(node);
                }
                _ => return Err(format!("line {line:?}")),
            }
        }
        if count != Some(forest.trees.len()) {
            return Err(format!("{} trees where the file announces {count:?}", forest.trees.len()));
        }
        forest.trees.iter().enumerate().try_for_each(|(i, t)| check_tree(t).map_err(|e| format!("tree {i}: {e}")))?;
        Ok(forest)
    }

    fn current(&mut self, line: &str) -> Result<&mut Vec<Node>, String> {
        self.trees.last_mut().ok_or_else(|| format!("a node before any tree: {line:?}"))
    }
}

/// A tree can be walked: it has nodes, and every split's children come after it.
fn check_tree(tree: &[Node]) -> Result<(), String> {
    if tree.is_empty() {
        return Err("no nodes".into());
    }
    for (i, node) in tree.iter().enumerate() {
        if let Node::Split { left, right, .. } = *node
            && !(i < left && left < tree.len() && i < right && right < tree.len())
        {
            return Err(format!("node {i} has children {left} and {right}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGNALS: &[&str] = &["bias", "short", "sure"];

    fn forest(text: &str) -> Result<Forest, String> {
        Forest::parse(text.lines(), SIGNALS)
    }

    #[test]
    fn a_forest_adds_the_leaves_it_reaches() {
        let f = forest(
            "trees\t2\ninit\t0.5\ntree\nsplit\tsure\t0.375\t1\t2\nleaf\t-1.0\nleaf\t2.0\n\
             tree\nsplit\tshort\t0.5\t1\t2\nleaf\t0.25\nleaf\t-0.25\n",
        )
        .unwrap();
        assert_eq!(f.log_odds(&[1.0, 0.0, 0.9]), 0.5 + 2.0 + 0.25);
        assert_eq!(f.log_odds(&[1.0, 1.0, 0.375]), 0.5 - 1.0 - 0.25, "at the threshold goes left");
        // The signal as an f32 against the threshold as written, as scikit-learn compares:
        // 0.4 as an f32 is a little above 0.4.
        let f = forest("trees\t1\ninit\t0\ntree\nsplit\tsure\t0.4\t1\t2\nleaf\t-1.0\nleaf\t1.0\n").unwrap();
        assert_eq!(f.log_odds(&[1.0, 0.0, 0.4]), 1.0);
    }

    #[test]
    fn a_broken_forest_is_an_error() {
        let bad = [
            "trees\t1\ninit\t0\ntree\nsplit\tsure\t0.4\t1\t5\nleaf\t1\nleaf\t2\n",
            "trees\t1\ninit\t0\ntree\nsplit\tsure\t0.4\t0\t1\nleaf\t1\n",
            "trees\t1\ninit\t0\ntree\nsplit\tcolour\t0.4\t1\t2\nleaf\t1\nleaf\t2\n",
            "trees\t2\ninit\t0\ntree\nleaf\t1\n",
            "trees\t1\ninit\t0\ntree\n",
            "trees\t1\ninit\tNaN\ntree\nleaf\t1\n",
            "leaf\t1\n",
            "trees\t1\ninit\t0\ntree\nleaf\n",
        ];
        for text in bad {
            assert!(forest(text).is_err(), "{text:?}");
        }
    }
}
