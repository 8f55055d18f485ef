import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { rolesOf, useAuth, useMe } from '../app/auth.tsx';
import { navigationItemOf, visibleNavigation } from '../app/navigation.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { PageLoader } from './PageLoader.tsx';

/** The global search box of the header: Enter opens /search?q=. */
function HeaderSearch({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [q, setQ] = useState('');
  useEffect(() => {
    if (location.pathname === '/search') setQ(params.get('q') ?? '');
  }, [location.pathname, params]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = q.trim();
    if (!text) return;
    navigate(`/search?q=${encodeURIComponent(text)}`);
    onDone?.();
  };
  return (
    <form role="search" onSubmit={submit} style={{ flex: 1, maxWidth: 420 }}>
      <TextInput
        type="search"
        aria-label={t('search.box')}
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
      />
    </form>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton px="xs" py={4} style={{ borderRadius: 4 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="blue" size={32} aria-hidden="true" />
            <Text size="sm" fw={500} truncate maw={180} visibleFrom="xs">
              {me.displayName}
            </Text>
            <VisuallyHidden>{t('user.menu')}</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item onClick={() => navigate('/account')}>{t('account:menu')}</Menu.Item>
        <Menu.Item onClick={() => navigate('/setup-password')}>{t('user.changePassword')}</Menu.Item>
        <Menu.Item
          color="red.9"
          onClick={() => {
            void signOut().then(() => navigate('/login'));
          }}
        >
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in application: header, side navigation, the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const active = navigationItemOf(location.pathname);
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a href="#main" className="pobratim-skip-link">
          {t('nav.skipToContent')}
        </a>
        <Group h="100%" px="md" gap="md" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={opened ? t('nav.close') : t('nav.open')}
          />
          <Text
            component={Link}
            to="/"
            fw={700}
            size="lg"
            c="blue.8"
            style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}
          >
            {t('product')}
          </Text>
          <Group visibleFrom="sm" style={{ flex: 1 }}>
            <HeaderSearch />
          </Group>
          <Group gap="xs" ml="auto" wrap="nowrap">
            <Group visibleFrom="sm">
              <LanguageSwitcher />
            </Group>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <Group hiddenFrom="sm" p="xs" gap="xs" wrap="nowrap">
          <HeaderSearch onDone={close} />
        </Group>
        <AppShell.Section grow component={ScrollArea}>
          {visibleNavigation(rolesOf(me)).map((item) => (
            <NavLink
              key={item.key}
              component={Link}
              to={item.path}
              label={t(item.label)}
              active={active?.key === item.key}
              aria-current={active?.key === item.key ? 'page' : undefined}
              leftSection={item.icon}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" p="xs">
          <LanguageSwitcher width={200} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
