//! Weighted, L2-regularized logistic regression on standardized features plus one weight per
//! quantile bin of each non-binary feature (an additive model), fitted by full-batch Adam: a
//! few hundred passes over a few hundred thousand lines take seconds.

use newsmill_extract::text::model::{Logistic, bin_of, sigmoid};

pub struct FitOptions {
    pub l2: f32,
    pub iterations: usize,
    pub learning_rate: f32,
    /// Quantile bins per feature (0: a plain logistic regression).
    pub bins: usize,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions { l2: 1e-4, iterations: 400, learning_rate: 0.05, bins: 16 }
    }
}

/// Fits `P(y | x)` on rows `x` with labels `y` and sample weights `w`.
pub fn fit(names: Vec<String>, x: &[&[f32]], y: &[bool], w: &[f32], opts: &FitOptions) -> Logistic {
    let d = names.len();
    let (mean, scale) = standardization(x, d);
    let z: Vec<f32> =
        x.iter().flat_map(|row| (0..d).map(|j| (row.get(j).copied().unwrap_or(0.0) - mean[j]) / scale[j])).collect();
    let edges: Vec<Vec<f32>> = (0..d).map(|j| quantile_edges(x, j, opts.bins)).collect();
    // Parameters: d linear weights, the bias, then each feature's bin weights.
    let mut offsets = Vec::with_capacity(d);
    let mut size = d + 1;
    for e in &edges {
        offsets.push(size);
        size += if e.is_empty() { 0 } else { e.len() + 1 };
    }
    let binned: Vec<usize> = (0..d).filter(|&j| !edges[j].is_empty()).collect();
    let slots: Vec<u32> =
        x.iter().flat_map(|row| binned.iter().map(|&j| (offsets[j] + bin_of(&edges[j], row[j])) as u32)).collect();
    let theta = adam(&z, &slots, d, binned.len(), size, y, w, opts);
    let bin_weights = edges
        .iter()
        .zip(&offsets)
        .map(|(e, &o)| if e.is_empty() { Vec::new() } else { theta[o..o + e.len() + 1].to_vec() })
        .collect();
    Logistic { features: names, mean, scale, weights: theta[..d].to_vec(), bias: theta[d], edges, bin_weights }
}

#[allow(clippy::too_many_arguments)]
fn adam(
    z: &[f32],
    slots: &[u32],
    d: usize,
    nb: usize,
    size: usize,
    y: &[bool],
    w: &[f32],
    opts: &FitOptions,
) -> Vec<f32> {
    let total_w: f32 = w.iter().sum::<f32>().max(1e-9);
    let mut theta = vec![0.0f32; size];
    let (mut m, mut v) = (vec![0.0f32; size], vec![0.0f32; size]);
    let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
    for t in 1..=opts.iterations {
        let mut grad = vec![0.0f32; size];
        for (i, row) in z.chunks_exact(d).enumerate() {
            let slot = &slots[i * nb..(i + 1) * nb];
            let s = theta[d]
                + row.iter().zip(&theta).map(|(a, b)| a * b).sum::<f32>()
                + slot.iter().map(|&k| theta[k as usize]).sum::<f32>();
            let err = (sigmoid(s) - f32::from(u8::from(y[i]))) * w[i] / total_w;
            for (g, a) in grad.iter_mut().zip(row) {
                *g += err * a;
            }
            grad[d] += err;
            for &k in slot {
                grad[k as usize] += err;
            }
        }
        for j in (0..size).filter(|&j| j != d) {
            grad[j] += opts.l2 * theta[j];
        }
        for j in 0..size {
            m[j] = b1 * m[j] + (1.0 - b1) * grad[j];
            v[j] = b2 * v[j] + (1.0 - b2) * grad[j] * grad[j];
            let mh = m[j] / (1.0 - b1.powi(t as i32));
            let vh = v[j] / (1.0 - b2.powi(t as i32));
            theta[j] -= opts.learning_rate * mh / (vh.sqrt() + eps);
        }
    }
    theta
}

/// Edges between `bins` quantiles of feature `j`; none for a feature with few distinct
/// values (binary flags need no bins).
fn quantile_edges(x: &[&[f32]], j: usize, bins: usize) -> Vec<f32> {
    let step = (x.len() / 20_000).max(1);
    let mut values: Vec<f32> = x.iter().step_by(step).filter_map(|r| r.get(j).copied()).collect();
    values.sort_by(f32::total_cmp);
    let mut edges: Vec<f32> = (1..bins).filter_map(|q| values.get(q * values.len() / bins).copied()).collect();
    edges.dedup();
    if edges.len() < 2 { Vec::new() } else { edges }
}

fn standardization(x: &[&[f32]], d: usize) -> (Vec<f32>, Vec<f32>) {
    let n = x.len().max(1) as f32;
    let mut mean = vec![0.0f32; d];
    for row in x {
        for (m, v) in mean.iter_mut().zip(row.iter()) {
            *m += v / n;
        }
    }
    let mut var = vec![0.0f32; d];
    for row in x {
        for ((s, v), m) in var.iter_mut().zip(row.iter()).zip(&mean) {
            *s += (v - m) * (v - m) / n;
        }
    }
    // A constant feature keeps scale 1 so it contributes nothing rather than dividing by 0.
    let scale = var.iter().map(|v| if *v > 1e-12 { v.sqrt() } else { 1.0 }).collect();
    (mean, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_a_separable_set() {
        let rows: Vec<Vec<f32>> = (0..40).map(|i| vec![i as f32, 1.0]).collect();
        let x: Vec<&[f32]> = rows.iter().map(Vec::as_slice).collect();
        let y: Vec<bool> = (0..40).map(|i| i >= 20).collect();
        let model = fit(vec!["a".into(), "b".into()], &x, &y, &[1.0; 40], &FitOptions::default());
        assert!(model.prob(&[35.0, 1.0]) > 0.9);
        assert!(model.prob(&[5.0, 1.0]) < 0.1);
    }

    #[test]
    fn bins_learn_a_non_monotonic_feature() {
        // Story in the middle of the range only: no single linear weight can say that.
        let rows: Vec<Vec<f32>> = (0..300).map(|i| vec![(i % 30) as f32]).collect();
        let x: Vec<&[f32]> = rows.iter().map(Vec::as_slice).collect();
        let y: Vec<bool> = rows.iter().map(|r| (10.0..20.0).contains(&r[0])).collect();
        let model = fit(vec!["a".into()], &x, &y, &[1.0; 300], &FitOptions::default());
        assert!(model.prob(&[15.0]) > 0.7, "{}", model.prob(&[15.0]));
        assert!(model.prob(&[2.0]) < 0.3 && model.prob(&[28.0]) < 0.3);
    }
}
