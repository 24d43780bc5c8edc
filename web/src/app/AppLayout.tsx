// The frame of every signed-in page: a collapsible side menu (collapsed by default on tablets), the
// language switch and the user menu in the header.
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  PieChartOutlined,
  RiseOutlined,
  BellOutlined,
  CloudUploadOutlined,
  ColumnWidthOutlined,
  DotChartOutlined,
  FileExclamationOutlined,
  HomeOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  TransactionOutlined,
  UserOutlined,
  UsergroupAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { AlertsBell } from '@/features/alerts/AlertsBell';
import { LanguageSwitch } from './LanguageSwitch';
import { MENU, type MenuEntry } from './routes';

const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  customers: <TeamOutlined />,
  import: <CloudUploadOutlined />,
  users: <UsergroupAddOutlined />,
  audit: <AuditOutlined />,
  assignments: <ApartmentOutlined />,
  policies: <SettingOutlined />,
  alerts: <BellOutlined />,
  orders: <ShoppingCartOutlined />,
  approvals: <SafetyCertificateOutlined />,
  fx: <TransactionOutlined />,
  both_ends: <ColumnWidthOutlined />,
  dashboard: <DashboardOutlined />,
  anomalies: <WarningOutlined />,
  reviews: <CheckSquareOutlined />,
  tiers: <PieChartOutlined />,
  movers: <RiseOutlined />,
  reports: <BarChartOutlined />,
  receivables: <AccountBookOutlined />,
  analytics: <DotChartOutlined />,
  collections: <FileExclamationOutlined />,
};

/** The side menu's items: top-level entries in order, the grouped ones in one submenu where the first appears. */
export function menuItems(entries: MenuEntry[], label: (entry: MenuEntry) => ReactNode, groupLabel: (group: string) => ReactNode) {
  type Item = { key: string; icon: ReactNode; label: ReactNode; children?: Item[] };
  const items: Item[] = [];
  const groups = new Map<string, Item>();
  for (const e of entries) {
    const item: Item = { key: e.path, icon: ICONS[e.icon], label: label(e) };
    if (!e.group) {
      items.push(item);
      continue;
    }
    let group = groups.get(e.group);
    if (!group) {
      group = { key: e.group, icon: ICONS[e.group], label: groupLabel(e.group), children: [] };
      groups.set(e.group, group);
      items.push(group);
    }
    group.children?.push(item);
  }
  return items;
}

/** The menu entry a path belongs to: the longest entry path that prefixes it. */
export function selectedMenuKey(pathname: string, paths: string[]): string | undefined {
  let best: string | undefined;
  for (const p of paths) {
    const match = p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(p + '/');
    if (match && (!best || p.length > best.length)) best = p;
  }
  return best;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? !screens.xl;

  const entries = MENU.filter((m) => auth.can(m.capability));
  const selected = selectedMenuKey(
    location.pathname,
    entries.map((e) => e.path),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={isCollapsed}
        onCollapse={(c) => setCollapsed(c)}
        breakpoint="lg"
        width={208}
        theme="dark"
      >
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '16px 20px', whiteSpace: 'nowrap' }}>
          {isCollapsed ? 'C' : 'Credo'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={entries.some((e) => e.group && e.path === selected) ? ['reports'] : []}
          items={menuItems(
            entries,
            (e) => <Link to={e.path}>{t(e.labelKey)}</Link>,
            (g) => t(`nav.${g}`),
          )}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size="middle">
            <AlertsBell />
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  {
                    key: 'account',
                    icon: <UserOutlined />,
                    label: t('account.menu'),
                    onClick: () => navigate('/account'),
                  },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: t('auth.logout'),
                    onClick: () => {
                      void auth.signOut().then(() => navigate('/login', { replace: true }));
                    },
                  },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu" aria-label={t('auth.account')}>
                <Space>
                  <Avatar size="small" icon={<UserOutlined />} />
                  <Typography.Text>{auth.user?.display_name}</Typography.Text>
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: screens.md ? 24 : 12 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
