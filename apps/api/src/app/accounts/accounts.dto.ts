import { IsRecordId } from '../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLES,
  type CreateAccountRequest,
  type ResetPasswordRequest,
  type Role,
  type UpdateAccountRequest,
} from '@madoguchi/contracts';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { PageQueryDto } from '../common/page-query.dto';

const UnlessAbsent = () => ValidateIf((_: object, value: unknown) => value !== undefined);
/** The same rule as `npm run create-admin`. */
export const USERNAME = /^[a-z0-9._-]{2,64}$/i;
/** As for the first admin: long beats complex. */
export const PASSWORD_MIN_LENGTH = 12;

export class CreateAccountDto implements CreateAccountRequest {
  @ApiProperty({
    example: 'staff08',
    description:
      '2–64 letters, digits, dots, hyphens or underscores; kept in lower case, so unique regardless of case.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(USERNAME)
  username!: string;

  @ApiProperty({ example: '窓口 太郎', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsRecordId()
  siteId?: number | null;
}

export class UpdateAccountDto implements UpdateAccountRequest {
  @ApiPropertyOptional({ maxLength: 100 })
  @UnlessAbsent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @UnlessAbsent()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'A disabled account cannot sign in, and its sessions end at once.' })
  @UnlessAbsent()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsRecordId()
  siteId?: number | null;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password!: string;
}

export class ListAccountsQueryDto extends PageQueryDto {}
