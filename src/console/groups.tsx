// Groups as a tree (by parent), and the members of the group chosen in it.
import { useEffect, useState } from 'preact/hooks';
import type { components } from '../client/api-types.ts';
import { api, type Me } from './api.ts';
import { findUserId } from '../client/index.ts';
import { Status, useNotice } from './ui.tsx';

type Group = components['schemas']['Group'];
type User = components['schemas']['User'];

function Tree(props: { groups: Group[]; parent: string | null; selected: string | null; onSelect: (id: string) => void; level: number }) {
  const children = props.groups.filter((g) => (g.parent ?? null) === props.parent);
  if (children.length === 0) return null;
  return (
    <ul role={props.level === 1 ? 'tree' : 'group'} aria-label={props.level === 1 ? 'Groups' : undefined}>
      {children.map((group) => (
        <li role="treeitem" aria-selected={props.selected === group.id} aria-level={props.level} aria-expanded={props.groups.some((g) => g.parent === group.id) ? true : undefined}>
          <span
            tabIndex={0}
            onClick={() => props.onSelect(group.id!)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                props.onSelect(group.id!);
              }
            }}
          >
            {group.name}
            {group.isSuperuser ? ' (superuser)' : ''}
          </span>
          <Tree {...props} parent={group.id!} level={props.level + 1} />
        </li>
      ))}
    </ul>
  );
}

export function GroupsView(props: { me: Me }) {
  const [groups, setGroups] = useState<Group[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [members, setMembers] = useState<User[]>([]);
  const [newGroup, setNewGroup] = useState('');
  const [member, setMember] = useState('');
  const { notice, run } = useNotice();

  const loadGroups = () => run(async () => setGroups((await api.GET('/api/v1/groups', { params: { query: { limit: 1000 } } })).data!.items));
  const loadMembers = (id: string) => run(async () => setMembers((await api.GET('/api/v1/groups/{id}/members', { params: { path: { id }, query: { limit: 1000 } } })).data!.items));
  useEffect(() => void loadGroups(), []);
  useEffect(() => void (selected && loadMembers(selected)), [selected]);
  const group = groups.find((g) => g.id === selected);

  async function userIdOf(text: string): Promise<string> {
    const id = await findUserId(api, text);
    if (!id) throw new Error(`No user named "${text}".`);
    return id;
  }

  return (
    <>
      <h1>Groups</h1>
      <Status notice={notice} />
      <div class="row" style="align-items:start">
        <section class="panel" style="flex:1;min-width:18rem" aria-label="Group tree">
          <h2>All groups</h2>
          <Tree groups={groups} parent={null} selected={selected} onSelect={setSelected} level={1} />
          {groups.length === 0 && <p class="muted">No groups yet.</p>}
          {props.me.canWrite && (
            <form
              class="row"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  const { data } = await api.POST('/api/v1/groups', { body: { name: newGroup, ...(selected ? { parent: selected } : {}) } as never });
                  setNewGroup('');
                  await loadGroups();
                  setSelected((data as Group).id!);
                }, 'Group created.');
              }}
            >
              <div>
                <label for="group-name">New group{group ? ` inside ${group.name}` : ''}</label>
                <input id="group-name" required value={newGroup} onInput={(e) => setNewGroup(e.currentTarget.value)} />
              </div>
              <button type="submit">Create group</button>
            </form>
          )}
        </section>
        <section class="panel" style="flex:2;min-width:22rem" aria-label="Members">
          {!group && <p class="muted">Choose a group to see its members.</p>}
          {group && (
            <>
              <h2>Members of {group.name}</h2>
              <table aria-label={`Members of ${group.name}`}>
                <thead>
                  <tr>
                    <th scope="col">Username</th>
                    <th scope="col">Email</th>
                    {props.me.canWrite && <th scope="col">Remove</th>}
                  </tr>
                </thead>
                <tbody>
                  {members.map((user) => (
                    <tr key={user.id}>
                      <td>
                        <a href={`#/users/${user.id}`}>{user.username}</a>
                      </td>
                      <td>{user.email}</td>
                      {props.me.canWrite && (
                        <td>
                          <button class="secondary" aria-label={`Remove ${user.username}`} onClick={() => run(async () => { await api.DELETE('/api/v1/groups/{id}/members/{userId}', { params: { path: { id: group.id!, userId: user.id! } } }); await loadMembers(group.id!); })}>
                            Remove
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {members.length === 0 && <p class="muted">No members.</p>}
              {props.me.canWrite && (
                <form
                  class="row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(async () => {
                      await api.PUT('/api/v1/groups/{id}/members/{userId}', { params: { path: { id: group.id!, userId: await userIdOf(member.trim()) } } });
                      setMember('');
                      await loadMembers(group.id!);
                    }, 'Member added.');
                  }}
                >
                  <div>
                    <label for="member">Add a member (username or id)</label>
                    <input id="member" required value={member} onInput={(e) => setMember(e.currentTarget.value)} />
                  </div>
                  <button type="submit">Add</button>
                </form>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
