import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { RoleLabel } from '../../components/history/RoleLabel.tsx';

/** The account's name, e-mail and roles, and the way to change the password. */
export function ProfileCard() {
  const { t } = useTranslation('account');
  const me = useMe();
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="account-profile">
      <Title order={2} size="h4" id="account-profile" mb="sm">
        {t('profile.heading')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder={false} mb="md">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={130}>{t('profile.name')}</Table.Th>
            <Table.Td>{me.displayName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('profile.email')}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{me.email}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('profile.roles')}</Table.Th>
            <Table.Td>
              {me.roles.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('profile.noRoles')}
                </Text>
              ) : (
                <Stack gap={2}>
                  {me.roles.map((grant) => (
                    <Text size="sm" key={JSON.stringify(grant)}>
                      <RoleLabel grant={grant} />
                    </Text>
                  ))}
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group gap="sm" wrap="wrap">
        <Button component={Link} to="/setup-password" variant="default">
          {t('profile.changePassword')}
        </Button>
        <Text size="sm" c="gray.7">
          {t('profile.passwordHint')}
        </Text>
      </Group>
    </Paper>
  );
}
