"""Every Slack Web API method name, so the fake can tell "exists, not faked" from "no such method".

Generated from Slack's published OpenAPI spec (slackapi/slack-api-specs, 2021, 174 methods) plus the
newer methods in the Java SDK's rate-limit table (slackapi/java-slack-sdk MethodsRateLimits.java @
86ff7ca), as copied under /work/shared/slack-reference/specs/. Embedded rather than read at run time
because the demo runs from an installed package where those files are absent.
"""

from __future__ import annotations

# "family: leaf leaf ..." where a method name is "family.leaf"; continuation lines are indented.
_TABLE = """
admin: analytics.getFile apps.activities.list apps.approve apps.approved.list
    apps.clearResolution apps.config.lookup apps.config.set apps.requests.cancel
    apps.requests.list apps.restrict apps.restricted.list apps.uninstall
    auth.policy.assignEntities auth.policy.getEntities auth.policy.removeEntities
    barriers.create barriers.delete barriers.list barriers.update conversations.archive
    conversations.bulkArchive conversations.bulkDelete conversations.bulkMove
    conversations.convertToPrivate conversations.convertToPublic conversations.create
    conversations.delete conversations.disconnectShared
    conversations.ekm.listOriginalConnectedChannelInfo conversations.getConversationPrefs
    conversations.getCustomRetention conversations.getTeams conversations.invite
    conversations.lookup conversations.removeCustomRetention conversations.rename
    conversations.restrictAccess.addGroup conversations.restrictAccess.listGroups
    conversations.restrictAccess.removeGroup conversations.search
    conversations.setConversationPrefs conversations.setCustomRetention
    conversations.setTeams conversations.unarchive conversations.whitelist.add
    conversations.whitelist.listGroupsLinkedToChannel conversations.whitelist.remove
    emoji.add emoji.addAlias emoji.list emoji.remove emoji.rename functions.list
    functions.permissions.lookup functions.permissions.set inviteRequests.approve
    inviteRequests.approved.list inviteRequests.denied.list inviteRequests.deny
    inviteRequests.list roles.addAssignments roles.listAssignments roles.removeAssignments
    teams.admins.list teams.create teams.list teams.owners.list teams.settings.info
    teams.settings.setDefaultChannels teams.settings.setDescription
    teams.settings.setDiscoverability teams.settings.setIcon teams.settings.setName
    usergroups.addChannels usergroups.addTeams usergroups.listChannels
    usergroups.removeChannels users.assign users.invite users.list users.remove
    users.session.clearSettings users.session.getSettings users.session.invalidate
    users.session.list users.session.reset users.session.resetBulk users.session.setSettings
    users.setAdmin users.setExpiration users.setOwner users.setRegular
    users.unsupportedVersions.export workflows.collaborators.add
    workflows.collaborators.remove workflows.permissions.lookup workflows.search
    workflows.unpublish
api: test
apps: connections.open event.authorizations.list manifest.create manifest.delete
    manifest.export manifest.update manifest.validate permissions.info permissions.request
    permissions.resources.list permissions.scopes.list permissions.users.list
    permissions.users.request uninstall user.connection.update
assistant: threads.setStatus threads.setSuggestedPrompts threads.setTitle
auth: revoke teams.list test
bookmarks: add edit list remove
bots: info
calls: add end info participants.add participants.remove update
canvases: access.delete access.set create delete edit sections.lookup
channels: archive create history info invite join kick leave list mark rename replies
    setPurpose setTopic unarchive
chat: appendStream delete deleteScheduledMessage getPermalink meMessage postEphemeral
    postMessage scheduleMessage scheduledMessages.list startStream stopStream unfurl update
conversations: acceptSharedInvite approveSharedInvite archive canvases.create close create
    declineSharedInvite externalInvitePermissions.set history info invite inviteShared join
    kick leave list listConnectInvites mark members open rename replies
    requestSharedInvite.approve requestSharedInvite.deny requestSharedInvite.list setPurpose
    setTopic unarchive
dialog: open
dnd: endDnd endSnooze info setSnooze teamInfo
emoji: list
files: comments.delete completeUploadExternal delete getUploadURLExternal info list
    remote.add remote.info remote.list remote.remove remote.share remote.update
    revokePublicURL sharedPublicURL upload
functions: completeError completeSuccess
groups: archive create createChild history info invite kick leave list mark open rename
    replies setPurpose setTopic unarchive
im: close history list mark open replies
migration: exchange
mpim: close history list mark open replies
oauth: access token v2.access v2.exchange
openid: connect.token connect.userInfo
pins: add list remove
reactions: add get list remove
reminders: add complete delete info list
rtm: connect start
search: all files messages
slackLists: access.delete access.set create download.get download.start items.create
    items.delete items.deleteMultiple items.info items.list items.update update
stars: add list remove
team: accessLogs billableInfo billing.info externalTeams.disconnect externalTeams.list info
    integrationLogs preferences.list profile.get
tooling: tokens.rotate
usergroups: create disable enable list update users.list users.update
users: conversations deletePhoto discoverableContacts.lookup getPresence identity info list
    lookupByEmail profile.get profile.set setActive setPhoto setPresence
views: open publish push update
workflows: featured.add featured.list featured.remove featured.set stepCompleted stepFailed
    updateStep
"""


def _parse(table: str) -> frozenset[str]:
    names: set[str] = set()
    family = ""
    for line in table.strip().splitlines():
        if not line.startswith(" "):
            family, line = line.split(":", 1)
        names.update(f"{family}.{leaf}" for leaf in line.split())
    return frozenset(names)


SLACK_METHODS: frozenset[str] = _parse(_TABLE)
