using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Approvals;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>
/// The two things that can happen when someone shares with a team or organization, or raises such a
/// share (SPEC §4.2, §4.3): the grant takes effect, or a request goes to review. Used by the immediate
/// commands and by approval, so an approved request is "exactly as if immediate". Everything is added to
/// the caller's context, except the fan-out to a target's members, which is written by SQL in the caller's
/// transaction (<see cref="SharingMessages.NotifyMembersAsync"/>): the caller opens a transaction, saves once,
/// commits and then publishes the returned user ids.
/// </summary>
public sealed class TargetGrantWriter(IAuditLog audit, SharingMessages messages, TimeProvider clock)
{
    /// <summary>
    /// Gives <paramref name="target"/> <paramref name="level"/> on the assistant (adding the grant, or raising it),
    /// audits it and tells every member except <paramref name="actor"/>. A grant already at that level or higher
    /// is left alone. Must run in a transaction on <paramref name="db"/>. Returns the users told.
    /// </summary>
    public async Task<IReadOnlyList<string>> GrantAsync(ApplicationDbContext db, Actor actor, AssistantRef assistant, ShareTarget target,
        AccessLevel level, string grantedByUserId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var isTeam = target.Kind == ShareTargetKind.Team;
        AccessLevel? previous;
        if (isTeam)
        {
            var grant = await db.AssistantTeamGrants.FirstOrDefaultAsync(g => g.AssistantId == assistant.Id && g.TeamId == target.Id, cancellationToken);
            previous = grant?.Level;
            if (grant is null)
            {
                db.AssistantTeamGrants.Add(new AssistantTeamGrant
                {
                    AssistantId = assistant.Id, TeamId = target.Id, Level = level, GrantedByUserId = grantedByUserId, GrantedAt = now,
                });
            }
            else if (grant.Level < level)
            {
                grant.Level = level;
                grant.GrantedByUserId = grantedByUserId;
                grant.GrantedAt = now;
            }
        }
        else
        {
            var grant = await db.AssistantOrganizationGrants.FirstOrDefaultAsync(g => g.AssistantId == assistant.Id && g.OrganizationId == target.Id, cancellationToken);
            previous = grant?.Level;
            if (grant is null)
            {
                db.AssistantOrganizationGrants.Add(new AssistantOrganizationGrant
                {
                    AssistantId = assistant.Id, OrganizationId = target.Id, Level = level, GrantedByUserId = grantedByUserId, GrantedAt = now,
                });
            }
            else if (grant.Level < level)
            {
                grant.Level = level;
                grant.GrantedByUserId = grantedByUserId;
                grant.GrantedAt = now;
            }
        }
        if (previous >= level)
        {
            return [];
        }

        var action = (isTeam, previous is null) switch
        {
            (true, true) => AuditAction.TeamGrantAdded,
            (true, false) => AuditAction.TeamGrantChanged,
            (false, true) => AuditAction.OrganizationGrantAdded,
            (false, false) => AuditAction.OrganizationGrantChanged,
        };
        var details = previous is null ? level.DisplayName() : $"{previous.Value.DisplayName()} → {level.DisplayName()}";
        audit.Add(db, action, actor.Id, actor.Name, assistant.Id, assistant.Name, target.Describe(), details);

        var sharer = grantedByUserId == actor.Id
            ? actor.Name
            : await db.Users.Where(u => u.Id == grantedByUserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) ?? actor.Name;
        var kind = isTeam ? NotificationKind.SharedWithYourTeam : NotificationKind.SharedWithYourOrganization;
        var link = SharingMessages.AssistantLink(assistant.Id);
        var absolute = messages.Absolute(link);
        var through = target.Describe();
        return await messages.NotifyMembersAsync(db, target, actor.Id, kind,
            $"{sharer} shared \"{assistant.Name}\" with {through} ({level.DisplayName()}).", link, assistant.Id,
            EmailTemplates.SharedWithYou("", sharer, assistant.Name, level, through, absolute), cancellationToken);
    }

    /// <summary>
    /// Puts a request for <paramref name="level"/> on <paramref name="target"/> into review, audits it and
    /// tells the approvers (<see cref="ShareApprovers.NotifiedAsync"/>). Returns the users told.
    /// </summary>
    public async Task<IReadOnlyList<string>> RequestAsync(ApplicationDbContext db, Actor actor, AssistantRef assistant, ShareTarget target,
        AccessLevel level, CancellationToken cancellationToken = default)
    {
        var isTeam = target.Kind == ShareTargetKind.Team;
        db.ShareRequests.Add(new ShareRequest
        {
            AssistantId = assistant.Id,
            TargetKind = target.Kind,
            TeamId = isTeam ? target.Id : null,
            OrganizationId = isTeam ? null : target.Id,
            RequestedLevel = level,
            RequestedByUserId = actor.Id,
            RequestedAt = clock.GetUtcNow().UtcDateTime,
            Status = ShareRequestStatus.Pending,
        });
        audit.Add(db, AuditAction.ShareRequested, actor.Id, actor.Name, assistant.Id, assistant.Name, target.Describe(), level.DisplayName());

        var approvers = (await ShareApprovers.NotifiedAsync(db, target, cancellationToken)).Where(r => r.UserId != actor.Id).ToList();
        var inbox = messages.Absolute(SharingMessages.InboxLink);
        var description = target.Describe();
        messages.NotifyAll(db, approvers, NotificationKind.RequestAwaitsReview,
            $"{actor.Name} asks to share \"{assistant.Name}\" with {description} ({level.DisplayName()}). Review it in your Inbox.",
            SharingMessages.InboxLink, assistant.Id,
            to => EmailTemplates.RequestAwaitsReview(to, actor.Name, assistant.Name, level, description, inbox));
        return approvers.Select(a => a.UserId).ToList();
    }
}
