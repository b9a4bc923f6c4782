import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../../../lib/router';
import { useFormat } from '../../../i18n/format';
import { adminApi, forecastsApi, type AccountUser, type Role, type UserPatch } from '../api';
import { useAccount } from '../session';
import { summaryOf } from '../summary';
import { ErrorNotice, RequireLogin, useDateTime, useLoad, TableWrap } from '../ui';

const ROLES: readonly Role[] = ['student', 'instructor', 'admin'];

export default function AdminPage() {
  return (
    <RequireLogin>
      <Admin />
    </RequireLogin>
  );
}

function Admin() {
  const { t } = useTranslation();
  const { user } = useAccount();
  const role = user?.role ?? 'student';
  // Admins manage every account; instructors see the names of their own students.
  const users = useLoad(async () => {
    if (role === 'admin') return adminApi.users();
    if (role === 'instructor') return adminApi.students();
    return [];
  }, [role]);

  if (role === 'student') {
    return (
      <div className="card account-card">
        <h1>{t('account.admin.title')}</h1>
        <p className="notice notice--error" role="alert">
          {t('account.errors.forbidden')}
        </p>
      </div>
    );
  }

  return (
    <div>
      <h1>{role === 'admin' ? t('account.admin.title') : t('account.admin.studentsTitle')}</h1>
      <ErrorNotice error={users.error} />
      {role === 'admin' && users.data && (
        <UsersTable
          users={users.data}
          meId={user?.id ?? ''}
          onChanged={(u) =>
            users.setData((cur) => (cur ?? []).map((x) => (x.id === u.id ? { ...x, ...u } : x)))
          }
        />
      )}
      <StudentsWork users={users.data ?? []} meId={user?.id ?? ''} />
    </div>
  );
}

function UsersTable({
  users,
  meId,
  onChanged,
}: {
  users: readonly AccountUser[];
  meId: string;
  onChanged: (u: AccountUser) => void;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const instructors = users.filter((u) => u.role === 'instructor' || u.role === 'admin');

  const patch = async (u: AccountUser, body: UserPatch) => {
    setError(null);
    setSaved(null);
    try {
      onChanged({ ...u, ...body, ...(await adminApi.update(u.id, body)) });
      setSaved(u.email);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('account.admin.users')}</h2>
      <ErrorNotice error={error} />
      {saved && (
        <p className="notice" role="status">
          {t('account.admin.saved', { email: saved })}
        </p>
      )}
      <TableWrap label={t('account.admin.users')}>
        <table data-testid="admin-users">
          <thead>
            <tr>
              <th scope="col">{t('account.fields.email')}</th>
              <th scope="col">{t('account.admin.role')}</th>
              <th scope="col">{t('account.admin.active')}</th>
              <th scope="col">{t('account.admin.instructor')}</th>
              <th scope="col">{t('account.admin.expires')}</th>
              <th scope="col">{t('account.fields.created')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const me = u.id === meId;
              return (
                <tr key={u.id}>
                  <td>
                    {u.email}
                    {u.name && <span className="muted"> · {u.name}</span>}
                  </td>
                  <td>
                    <select
                      value={u.role}
                      disabled={me}
                      aria-label={`${t('account.admin.role')}: ${u.email}`}
                      onChange={(e) => void patch(u, { role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`account.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={u.active !== false}
                      disabled={me}
                      aria-label={`${t('account.admin.active')}: ${u.email}`}
                      onChange={(e) => void patch(u, { active: e.target.checked })}
                    />
                  </td>
                  <td>
                    <select
                      value={u.instructorId ?? ''}
                      aria-label={`${t('account.admin.instructor')}: ${u.email}`}
                      onChange={(e) => void patch(u, { instructorId: e.target.value || null })}
                    >
                      <option value="">—</option>
                      {instructors
                        .filter((i) => i.id !== u.id)
                        .map((i) => (
                          <option key={i.id} value={i.id}>
                            {i.name || i.email}
                          </option>
                        ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="date"
                      value={u.accessExpiresAt ? u.accessExpiresAt.slice(0, 10) : ''}
                      aria-label={`${t('account.admin.expires')}: ${u.email}`}
                      onChange={(e) =>
                        void patch(u, {
                          accessExpiresAt: e.target.value
                            ? new Date(`${e.target.value}T23:59:59Z`).toISOString()
                            : null,
                        })
                      }
                    />
                  </td>
                  <td>{dateTime(u.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** Forecasts of other people this user may see: an instructor's students (an admin: everyone). */
function StudentsWork({ users, meId }: { users: readonly AccountUser[]; meId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  const list = useLoad(() => forecastsApi.list(), []);
  const others = (list.data ?? []).filter((f) => f.ownerId && f.ownerId !== meId);
  const who = (id: string) => {
    const u = users.find((x) => x.id === id);
    // A student moved to another instructor after saving: a short id still tells them apart.
    return u ? u.name || u.email : `${t('account.admin.owner')} ${id.slice(0, 8)}`;
  };

  return (
    <section className="card" aria-labelledby="students-work-title">
      <h2 id="students-work-title">{t('account.admin.studentsWork')}</h2>
      <ErrorNotice error={list.error} />
      {list.data && others.length === 0 && <p className="empty">{t('account.admin.noWork')}</p>}
      {others.length > 0 && (
        <TableWrap label={t('account.admin.studentsWork')}>
          <table data-testid="students-work">
            <thead>
              <tr>
                <th scope="col">{t('account.admin.owner')}</th>
                <th scope="col">{t('account.fields.name')}</th>
                <th scope="col">{t('account.fields.created')}</th>
                <th scope="col">P85</th>
              </tr>
            </thead>
            <tbody>
              {others.map((f) => {
                const p85 = summaryOf(f).p85;
                return (
                  <tr key={f.id}>
                    <td>{who(f.ownerId as string)}</td>
                    <td>
                      <a href={href('/forecast', { id: f.id })}>
                        {f.name || t(`account.kinds.${f.kind}`, f.kind)}
                      </a>
                    </td>
                    <td>{dateTime(f.createdAt)}</td>
                    <td>{p85 === null ? '—' : fmt.number(p85)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
