using AssistantPortal.Data;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

public sealed class CreateOrganizationTests : OrganizationsTestBase
{
    [Fact]
    public async Task Create_AsGlobalAdmin_SavesTrimmedNameAndAudits()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);

        var result = await Create<CreateOrganization>().ExecuteAsync(As(admin), "  Contoso ");

        Assert.True(result.Succeeded);
        var organization = await QueryAsync(db => db.Organizations.SingleAsync());
        Assert.Equal(("Contoso", organization.Id), (organization.Name, result.CreatedId!.Value));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.MembershipChanged, admin.Id, "organization Contoso"), (entry.Action, entry.ActorUserId, entry.Target));
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task Create_AsNonGlobalAdmin_IsForbiddenAndChangesNothing(GlobalRole role)
    {
        var user = await Seed.UserAsync("someone", role);

        var result = await Create<CreateOrganization>().ExecuteAsync(As(user), "Contoso");

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.False(await QueryAsync(db => db.Organizations.AnyAsync()));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Create_WithEmptyName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);

        var result = await Create<CreateOrganization>().ExecuteAsync(As(admin), "   ");

        await AssertRefusedAsync(result, Fields.Name, "Enter a name");
        Assert.False(await QueryAsync(db => db.Organizations.AnyAsync()));
    }

    [Fact]
    public async Task Create_WithOverLongName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);

        var result = await Create<CreateOrganization>().ExecuteAsync(As(admin), new string('x', Names.MaxLength + 1));

        await AssertRefusedAsync(result, Fields.Name, "at most 100 characters");
        Assert.False(await QueryAsync(db => db.Organizations.AnyAsync()));
    }

    [Fact]
    public async Task Create_WithTakenNameInOtherCase_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        await Seed.OrganizationAsync("Contoso");

        var result = await Create<CreateOrganization>().ExecuteAsync(As(admin), "contoso");

        await AssertRefusedAsync(result, Fields.Name, "already exists");
        Assert.Equal(1, await QueryAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Create_WhenAnotherRequestTakesTheNameFirst_IsInvalidNotACrash()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var racing = Racing(async other =>
        {
            other.Organizations.Add(new Organization { Name = "Contoso", CreatedAt = DateTime.UtcNow });
            await other.SaveChangesAsync();
        });

        var result = await Create<CreateOrganization>(racing).ExecuteAsync(As(admin), "Contoso");

        await AssertRefusedAsync(result, Fields.Name, "already exists");
        Assert.Equal(1, await QueryAsync(db => db.Organizations.CountAsync()));
    }
}
