using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Methods;

public sealed class MethodValidationTests
{
    [Theory]
    [InlineData("flat-penalty")]
    [InlineData("gd-small-init")]
    [InlineData("gd-random-init")]
    [InlineData("sam")]
    public void Defaults_are_valid_and_the_method_is_registered(string name) =>
        Assert.Empty(Catalogs.Methods.Get(name).Validate(MethodParameters.Defaults));

    [Fact]
    public void A_parameter_the_method_does_not_use_is_named_with_the_allowed_ones()
    {
        var errors = Catalogs.Methods.Get("flat-penalty").Validate(new MethodParameters { Rho = 0.1, Step = 0.01 });
        Assert.Equal(
            ["rho: not used by flat-penalty; allowed parameters: lambda, alpha, max_iters.",
             "step: not used by flat-penalty; allowed parameters: lambda, alpha, max_iters."],
            errors);
        Assert.Equal(
            ["lambda: not used by gd-random-init; allowed parameters: alpha, max_iters."],
            Catalogs.Methods.Get("gd-random-init").Validate(new MethodParameters { Lambda = 1e-3 }));
        Assert.Equal(
            ["lambda: not used by sam; allowed parameters: rho, alpha, step, max_iters.",
             "rho: 0 is not allowed; it must be a finite number > 0."],
            Catalogs.Methods.Get("sam").Validate(new MethodParameters { Lambda = 1e-3, Rho = 0 }));
    }

    [Fact]
    public void Out_of_range_values_name_the_field_the_value_and_the_range()
    {
        Assert.Equal(
            ["alpha: -1 is not allowed; it must be a finite number > 0.",
             "step: 0 is not allowed; it must be a finite number > 0.",
             "max_iters: 0 is not allowed; it must be a whole number >= 1."],
            Catalogs.Methods.Get("gd-small-init").Validate(new MethodParameters { Alpha = -1, Step = 0, MaxIters = 0 }));
        Assert.Equal(
            ["lambda: NaN is not allowed; it must be a finite number >= 0."],
            Catalogs.Methods.Get("flat-penalty").Validate(new MethodParameters { Lambda = double.NaN }));
        Assert.Empty(Catalogs.Methods.Get("flat-penalty").Validate(new MethodParameters { Lambda = 0, Alpha = 2, MaxIters = 1 }));
    }
}
