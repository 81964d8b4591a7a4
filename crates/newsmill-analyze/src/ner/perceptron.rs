//! The averaged perceptron's weights while training: a hashed table of `buckets × labels`
//! weights, with the running sums that give the averaged weights at the end (Daumé's trick:
//! `avg = w - u / c`, so an update costs the same as in the plain perceptron).

use super::decode::Weights;
use super::features::N_LABELS;

/// `L` weights per hashed row: the NER's labels by default.
pub struct Perceptron<const L: usize = N_LABELS> {
    w: Vec<f32>,
    /// Sum of `c * update`, for the average.
    u: Vec<f64>,
    mask: usize,
    /// Examples seen so far.
    c: f64,
}

impl<const L: usize> Perceptron<L> {
    pub fn new(bits: u32) -> Self {
        let buckets = 1usize << bits;
        Perceptron { w: vec![0.0; buckets * L], u: vec![0.0; buckets * L], mask: buckets - 1, c: 1.0 }
    }

    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// Moves the weights of `features` towards `gold` and away from `pred`.
    pub fn update(&mut self, features: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        self.nudge(features, gold, 1.0);
        self.nudge(features, pred, -1.0);
    }

    /// Adds `sign` to the weight of `label` in the rows of `features`.
    pub fn nudge(&mut self, features: &[u64], label: usize, sign: f32) {
        for &f in features {
            let k = (f as usize & self.mask) * L + label;
            self.w[k] += sign;
            self.u[k] += sign as f64 * self.c;
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        self.w.iter().zip(&self.u).map(|(&w, &u)| (w as f64 - u / self.c) as f32).collect()
    }
}

impl<const L: usize> Weights<L> for Perceptron<L> {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; L]) {
        let row = (feature as usize & self.mask) * L;
        for (s, w) in scores.iter_mut().zip(&self.w[row..row + L]) {
            *s += w;
        }
    }
}
