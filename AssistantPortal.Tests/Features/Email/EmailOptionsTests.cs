using AssistantPortal.Features.Email;

namespace AssistantPortal.Tests.Features.Email;

public sealed class EmailOptionsTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1800)]
    [InlineData(500, 1800)]
    public void BackOff_DoublesFromTheBase_UpToTheMaximum(int attempts, int expectedSeconds)
    {
        var options = new EmailOptions { BackOffBase = TimeSpan.FromSeconds(30), MaxBackOff = TimeSpan.FromMinutes(30) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.BackOff(attempts));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("smtp.example.com", true)]
    public void UsesSmtp_OnlyWithAHost(string? host, bool expected) =>
        Assert.Equal(expected, new EmailOptions { Smtp = { Host = host } }.UsesSmtp);
}
