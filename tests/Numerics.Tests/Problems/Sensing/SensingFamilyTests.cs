using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>Sampling (determinism, truth, noise), validation, metrics and the catalog entries.</summary>
public sealed class SensingFamilyTests
{
    [Fact]
    public void Same_parameters_and_seed_give_bit_identical_data_and_loss()
    {
        IMatrixSensingProblem[] Sample(ulong seed) =>
        [
            General(6, 5, 2, 4, m: 20, seed, noise: 0.1),
            Symmetric(6, 2, 4, m: 15, seed, noise: 0.1),
        ];
        var (first, second, other) = (Sample(3), Sample(3), Sample(4));
        for (var i = 0; i < first.Length; i++)
        {
            var theta = RandomPoint(first[i], 1);
            Assert.Equal(first[i].Data.ToArray(), second[i].Data.ToArray());
            Assert.Equal(BitConverter.DoubleToInt64Bits(first[i].Loss(theta)), BitConverter.DoubleToInt64Bits(second[i].Loss(theta)));
            Assert.NotEqual(first[i].Data.ToArray(), other[i].Data.ToArray());
        }
    }

    [Fact]
    public void Truth_has_unit_norm_and_rank_r_and_noise_has_the_requested_size()
    {
        const double sigma = 0.3;
        var clean = General(12, 10, 3, 5, m: 120, seed: 5);
        var noisy = General(12, 10, 3, 5, m: 120, seed: 5, noise: sigma);
        var truth = clean.Truth.ToArray();
        Assert.True(Math.Abs(Math.Sqrt(truth.Sum(v => v * v)) - 1) < 1e-14);
        var singular = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(12, 10, truth).Svd(false).S;
        Assert.Equal(3, singular.Count(s => s > 1e-10));

        // b - A(M) is sigma xi: its empirical standard deviation over 120 draws is within 20% of sigma.
        var difference = noisy.Data.ToArray().Zip(clean.Data.ToArray(), (a, b) => a - b).ToArray();
        var std = Math.Sqrt(difference.Sum(v => v * v) / difference.Length);
        Assert.InRange(std / sigma, 0.8, 1.2);

        var symmetric = Symmetric(8, 2, 3, m: 20, seed: 5).Truth.ToArray();
        var evd = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(8, 8, symmetric).Evd();
        Assert.Equal(2, evd.EigenValues.Count(v => v.Real > 1e-10));
        Assert.All(evd.EigenValues, v => Assert.True(v.Real > -1e-12));
    }

    [Fact]
    public void Metrics_of_the_truths_factors_and_of_a_scaled_pair()
    {
        const int d1 = 7, d2 = 5, r = 2, k = 3;
        var problem = General(d1, d2, r, k, m: 25, seed: 6);
        var svd = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(d1, d2, problem.Truth.ToArray()).Svd();
        var left = new double[d1 * k];
        var right = new double[d2 * k];
        for (var c = 0; c < r; c++)
        {
            var root = Math.Sqrt(svd.S[c]);
            for (var a = 0; a < d1; a++) left[a * k + c] = svd.U[a, c] * root;
            for (var b = 0; b < d2; b++) right[b * k + c] = svd.VT[c, b] * root;
        }
        var theta = new double[problem.ParameterCount];
        problem.PackFactors(left, right, theta);
        var balanced = problem.Evaluate(theta);
        Assert.True(balanced.RelError < 1e-14);
        Assert.Equal(r, balanced.Rank);
        Assert.True(balanced.BalanceGap < 1e-14);
        Assert.Equal("norm_gap", Assert.Single(balanced.Extras).Key);
        Assert.True(Math.Abs(balanced.Extras[0].Value) < 1e-14);

        // (2L, R/2) has the same product; ||L^T L - R^T R||_F and the norms follow in closed form.
        problem.PackFactors(left.Select(v => 2 * v).ToArray(), right.Select(v => v / 2).ToArray(), theta);
        var scaled = problem.Evaluate(theta);
        var nuclear = svd.S.Sum();
        var gram = Math.Sqrt(svd.S.Take(r).Sum(s => s * s));
        Assert.True(scaled.RelError < 1e-14);
        Assert.True(Math.Abs(scaled.BalanceGap - (4 - 0.25) * gram / ((4 + 0.25) * nuclear)) < 1e-12);
        Assert.True(Math.Abs(scaled.Extras[0].Value - ((4 + 0.25) / 2 - 1)) < 1e-12);

        var symmetric = Symmetric(6, 2, 3, m: 10, seed: 6);
        var metrics = symmetric.Evaluate(new double[symmetric.ParameterCount]);
        Assert.Equal(1.0, metrics.RelError, 14);
        Assert.Equal(0, metrics.Rank);
        Assert.True(double.IsNaN(metrics.BalanceGap));
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1.0)]
    public void Initialize_gives_a_model_of_about_the_requested_norm(double scale)
    {
        const int d1 = 30, d2 = 20, k = 10;
        var build = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build;
        var general = General(d1, d2, 2, k, m: 50);
        var symmetric = Symmetric(d1, 2, k, m: 50);
        var theta = new double[general.ParameterCount];
        var generalNorms = new List<double>();
        var symmetricNorms = new List<double>();
        for (var t = 0; t < 20; t++)
        {
            var stream = new TrialSeed((ulong)t).Stream(StreamPurpose.Init);
            general.Initialize(ref stream, scale, theta);
            var left = build.DenseOfRowMajor(d1, k, theta[..(d1 * k)]);
            var right = build.DenseOfRowMajor(d2, k, theta[(d1 * k)..]);
            generalNorms.Add(left.TransposeAndMultiply(right).FrobeniusNorm() / scale);

            symmetric.Initialize(ref stream, scale, theta.AsSpan(0, symmetric.ParameterCount));
            var u = build.DenseOfRowMajor(d1, k, theta[..(d1 * k)]);
            symmetricNorms.Add(u.TransposeAndMultiply(u).FrobeniusNorm() / scale);
        }
        // E ||X||_F^2 = scale^2, and ||X||_F concentrates: the mean ratio is close to (slightly below) 1.
        Assert.InRange(generalNorms.Average(), 0.9, 1.05);
        Assert.InRange(symmetricNorms.Average(), 0.9, 1.05);
    }

    [Fact]
    public void Suggested_step_makes_gradient_descent_decrease_the_loss_monotonically()
    {
        foreach (IMatrixSensingProblem problem in new IMatrixSensingProblem[] { General(10, 10, 2, 10, m: 60), Symmetric(10, 2, 10, m: 40) })
        {
            var theta = RandomPoint(problem, 2);
            var gradient = new double[theta.Length];
            var previous = double.PositiveInfinity;
            for (var t = 0; t < 300; t++)
            {
                var loss = problem.LossAndGradient(theta, gradient);
                Assert.True(loss <= previous, $"{problem.Family}: loss rose from {previous} to {loss} at step {t}");
                previous = loss;
                for (var i = 0; i < theta.Length; i++) theta[i] -= problem.SuggestedStep * gradient[i];
            }
            Assert.True(previous < 1e-2 * problem.Loss(RandomPoint(problem, 2)));
        }
    }

    [Fact]
    public void Both_families_are_in_the_catalog()
    {
        Assert.IsType<GeneralSensingFamily>(Catalogs.Problems.Get("general-sensing"));
        Assert.IsType<SymmetricSensingFamily>(Catalogs.Problems.Get("symmetric-sensing"));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "general-sensing", "d1", "d1=0" },
        { "general-sensing", "d2", "d2=0" },
        { "general-sensing", "r", "r=0" },
        { "general-sensing", "r", "r=6" },
        { "general-sensing", "k", "k=1" },
        { "general-sensing", "m", "m=missing" },
        { "general-sensing", "m", "m=0" },
        { "general-sensing", "m", "m=31" },
        { "general-sensing", "noise", "noise=-1" },
        { "general-sensing", "noise", "noise=NaN" },
        { "general-sensing", "p", "p=0.5" },
        { "general-sensing", "depth", "depth=2" },
        { "general-sensing", "r2", "r2=1" },
        { "general-sensing", "k2", "k2=1" },
        { "general-sensing", "sparsity", "sparsity=1" },
        { "general-sensing", "GiB", "huge" },
        { "symmetric-sensing", "d2", "d2=6" },
        { "symmetric-sensing", "m", "m=16" },
        { "symmetric-sensing", "GiB", "huge" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Validate_names_the_bad_field(string family, string field, string change)
    {
        var valid = Parameters(family, 5, 5, 2, 3, 12);
        Assert.Empty(Catalogs.Problems.Get(family).Validate(valid));
        var bad = change switch
        {
            "d1=0" => valid with { D1 = 0 },
            "d2=0" => valid with { D2 = 0 },
            "d2=6" => valid with { D2 = 6 },
            "r=0" => valid with { R = 0 },
            "r=6" => valid with { R = 6, K = 6 },
            "k=1" => valid with { K = 1 },
            "m=missing" => valid with { M = null },
            "m=0" => valid with { M = 0 },
            "m=31" => valid with { D2 = 6, M = 31 },
            "m=16" => valid with { M = 16 },
            "noise=-1" => valid with { Noise = -1 },
            "noise=NaN" => valid with { Noise = double.NaN },
            "p=0.5" => valid with { P = 0.5 },
            "depth=2" => valid with { Depth = 2 },
            "r2=1" => valid with { R2 = 1 },
            "k2=1" => valid with { K2 = 1 },
            "sparsity=1" => valid with { Sparsity = 1 },
            "huge" => valid with { D1 = 200, D2 = 200, M = 20000 },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        var errors = Catalogs.Problems.Get(family).Validate(bad);
        Assert.Contains(errors, e => field == "GiB" ? e.Contains(field, StringComparison.Ordinal) : e.StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Catalogs.Problems.Get(family).Sample(bad, new TrialSeed(1)));
    }
}
