import { useRequestContext } from 'hono/jsx-renderer';
import type { OrganizationProfile } from '../../services/organization-profile.ts';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { Bilingual, Button, ErrorSummary, Field, Form, PageTitle } from '../views/components.tsx';
import { OrgNav } from '../views/org-nav.tsx';

export function ProfileView({ profile, errors }: { profile: Partial<OrganizationProfile>; errors?: FormErrors }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const p = t.profile;
  const labels = { 'name.fr': `${p.name} (${t.common.french})`, 'name.en': `${p.name} (${t.common.english})`, 'description.fr': `${p.description} (${t.common.french})`, 'description.en': `${p.description} (${t.common.english})`, website: p.website, logoUrl: p.logo };
  return (
    <>
      <OrgNav />
      <PageTitle lead={p.lead}>{p.title}</PageTitle>
      <Form action={`/workspace/o/${c.get('organization').slug}/profile`}>
        <ErrorSummary errors={errors} labels={labels} />
        <Bilingual name="name" legend={p.name} value={profile.name} errors={errors} required maxlength={120} />
        <Bilingual name="description" legend={p.description} value={profile.description} errors={errors} rows={5} maxlength={2000} />
        <Field name="website" type="url" label={p.website} hint={p.websiteHint} value={profile.website} error={errors?.website} inputmode="url" />
        <Field name="logoUrl" type="url" label={p.logo} hint={p.logoHint} value={profile.logoUrl} error={errors?.logoUrl} inputmode="url" />
        <div class="ws-actions">
          <Button label={t.common.save} />
        </div>
      </Form>
    </>
  );
}
